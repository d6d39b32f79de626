"""Every whitelisted method refuses an oversized argument before doing any work."""

import frappe

from customer_onboarding import api
from customer_onboarding.customer_onboarding.doctype.customer_match_key.test_customer_match_key import (
	MatchKeyCase,
)
from customer_onboarding.exceptions import ArgumentTooLargeError
from customer_onboarding.tests.utils import MASTER_MANAGER, REVIEWER, SALES_USER, as_user

HUGE = "x" * 1_000_000


class TestArgumentLimits(MatchKeyCase):
	def assert_refused(self, user, method, *args, **kwargs):
		with as_user(user), self.assertRaisesRegex(ArgumentTooLargeError, "too long|at most"):
			method(*args, **kwargs)

	def test_find_duplicates(self):
		for argument in ("customer_name", "tax_id", "mobile_no", "email_id", "exclude"):
			self.assert_refused(SALES_USER, api.find_duplicates, **{argument: HUGE})
		self.assert_refused(SALES_USER, api.find_duplicates, customer_name="名" * 141)

	def test_a_name_of_the_customer_names_length_is_accepted(self):
		with as_user(SALES_USER):
			self.assertEqual(api.find_duplicates(customer_name="名" * 140), [])

	def test_every_other_method(self):
		self.assert_refused(REVIEWER, api.set_review_comment, HUGE, "ok")
		self.assert_refused(REVIEWER, api.set_review_comment, "CUST", HUGE)
		self.assert_refused(SALES_USER, api.add_follow_up, "CUST", HUGE)
		self.assert_refused(SALES_USER, api.add_follow_up, "CUST", "ok", result=HUGE)
		self.assert_refused(
			SALES_USER, api.add_follow_up, "CUST", "ok", **{f"field_{i}": "x" for i in range(1_001)}
		)
		self.assert_refused(MASTER_MANAGER, api.download_customer_template, HUGE)
		self.assert_refused(MASTER_MANAGER, api.validate_customer_import, HUGE)
		self.assert_refused(MASTER_MANAGER, api.queue_customer_import_dry_run, HUGE)
		self.assert_refused(MASTER_MANAGER, api.start_customer_import, HUGE)
		self.assert_refused(MASTER_MANAGER, api.merge_customers, HUGE, "CUST")
		self.assert_refused(MASTER_MANAGER, api.merge_customers, "CUST", HUGE)
		self.assert_refused(MASTER_MANAGER, api.customer_import_progress, HUGE)
		self.assert_refused(MASTER_MANAGER, api.customer_merge_preview, HUGE)
		self.assert_refused(MASTER_MANAGER, api.customer_merge_preview, ["CUST", HUGE])
		self.assert_refused(MASTER_MANAGER, api.customer_merge_preview, ["CUST"] * 1_001)
		self.assert_refused(MASTER_MANAGER, api.merge_customer_group, ["A", "B"], HUGE)
		self.assert_refused(MASTER_MANAGER, api.merge_customer_group, ["A", "B"], "A", HUGE)
		self.assert_refused(SALES_USER, api.change_request_rows, HUGE)
		self.assert_refused(SALES_USER, api.refresh_change_request, HUGE)
		self.assert_refused(REVIEWER, api.set_change_request_comment, HUGE, "ok")
		self.assert_refused(REVIEWER, api.set_change_request_comment, "CR-0001", HUGE)

	def test_the_message_is_translated(self):
		with as_user(SALES_USER):
			frappe.local.lang = "zh"
			try:
				with self.assertRaisesRegex(ArgumentTooLargeError, "过长"):
					api.find_duplicates(customer_name=HUGE)
			finally:
				frappe.local.lang = "en"
