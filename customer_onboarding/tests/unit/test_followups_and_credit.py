import unittest
from datetime import date, datetime

from customer_onboarding.core.credit import OpenInvoice, oldest_overdue
from customer_onboarding.core.follow_ups import FollowUp, earliest_open_date


class TestFollowUps(unittest.TestCase):
	def test_earliest_open_planned_date(self):
		rows = [
			FollowUp(datetime(2026, 3, 1, 10), date(2026, 3, 10)),
			FollowUp(datetime(2026, 3, 2, 10), date(2026, 3, 20)),
		]
		self.assertEqual(earliest_open_date(rows), date(2026, 3, 10))

	def test_a_follow_up_on_or_after_the_date_closes_it(self):
		rows = [
			FollowUp(datetime(2026, 3, 1, 10), date(2026, 3, 10)),
			FollowUp(datetime(2026, 3, 10, 9), date(2026, 4, 1)),
		]
		self.assertEqual(earliest_open_date(rows), date(2026, 4, 1))

	def test_overdue_date_stays_open(self):
		rows = [FollowUp(datetime(2026, 3, 1, 10), date(2026, 3, 5))]
		self.assertEqual(earliest_open_date(rows), date(2026, 3, 5))

	def test_nothing_planned(self):
		self.assertIsNone(earliest_open_date([FollowUp(datetime(2026, 3, 1))]))
		self.assertIsNone(earliest_open_date([]))


class TestCreditDays(unittest.TestCase):
	TODAY = date(2026, 3, 31)

	def test_oldest_overdue_invoice(self):
		invoices = [
			OpenInvoice("SINV-2", date(2026, 3, 1), 50),
			OpenInvoice("SINV-1", date(2026, 2, 1), 80),
			OpenInvoice("SINV-3", date(2026, 3, 30), 10),
		]
		self.assertEqual(oldest_overdue(invoices, 10, self.TODAY).name, "SINV-1")

	def test_due_today_is_not_overdue(self):
		self.assertIsNone(oldest_overdue([OpenInvoice("A", date(2026, 3, 21), 1)], 10, self.TODAY))
		self.assertIsNotNone(oldest_overdue([OpenInvoice("A", date(2026, 3, 20), 1)], 10, self.TODAY))

	def test_paid_invoices_do_not_count(self):
		self.assertIsNone(oldest_overdue([OpenInvoice("A", date(2026, 1, 1), 0)], 10, self.TODAY))
