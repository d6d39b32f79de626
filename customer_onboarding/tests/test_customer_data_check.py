"""The Customer Data Check report finds stored values that fail today's rules, legacy rows included."""

import frappe

from customer_onboarding.customer_onboarding.doctype.customer_match_key.test_customer_match_key import (
	MatchKeyCase,
)
from customer_onboarding.customer_onboarding.report.customer_data_check.customer_data_check import execute
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.tests.legacy import legacy_contact, legacy_customer
from customer_onboarding.tests.utils import MASTER_MANAGER, SALES_USER, as_user, make_uscc


def report(**filters):
	with as_user(MASTER_MANAGER):
		_columns, rows, _message, chart, summary = execute(filters)
	return rows, chart, summary


class TestCustomerDataCheck(MatchKeyCase):
	def setUp(self):
		tax_id = make_uscc()
		self.bad = legacy_customer(
			tax_id=tax_id[:-1] + ("0" if tax_id[-1] != "0" else "1"),
			mobile_no="12345",
			email_id="not-an-email",
			registered_address=None,
		)
		self.twin_a = legacy_customer(tax_id=tax_id, registered_address="北京")
		self.twin_b = legacy_customer(tax_id=tax_id.lower(), registered_address="北京")
		self.contact = legacy_contact(self.twin_a, phones=["phone?"], emails=["nobody"])
		fill_match_keys(only_missing=True)

	def problems_of(self, rows, customer):
		return sorted(r["problem"] for r in rows if r["customer"] == customer)

	def test_each_rule_and_shared_keys_with_a_count_per_problem(self):
		rows, chart, summary = report()
		self.assertEqual(
			self.problems_of(rows, self.bad),
			["Invalid e-mail", "Invalid tax ID", "Missing required field", "Unusable phone number"],
		)
		self.assertEqual(
			self.problems_of(rows, self.twin_a),
			["Invalid e-mail", "Shared with another customer", "Unusable phone number"],
		)
		shared = next(r for r in rows if r["customer"] == self.twin_b)
		self.assertEqual(shared["other_customer"], self.twin_a)
		contact_row = next(r for r in rows if r["customer"] == self.twin_a and r["contact"])
		self.assertEqual(contact_row["contact"], self.contact)
		counts = {item["label"]: item["value"] for item in summary}
		self.assertEqual(sum(counts.values()), len(rows))
		self.assertEqual(chart["data"]["datasets"][0]["values"], list(counts.values()))

	def test_filter_by_problem(self):
		rows, _chart, _summary = report(problem="shared_key")
		self.assertEqual({r["problem"] for r in rows}, {"Shared with another customer"})
		self.assertTrue({self.twin_a, self.twin_b} <= {r["customer"] for r in rows})

	def test_sales_users_may_not_run_it(self):
		from frappe.desk.query_report import run

		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, run, "Customer Data Check")
