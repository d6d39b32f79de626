"""The workflow inbox lists only what its reader may act on."""

import frappe

from customer_onboarding.api import set_review_comment
from customer_onboarding.customer_onboarding.doctype.customer_change_request.test_customer_change_request import (
	ChangeRequestCase,
	act,
	new_request,
)
from customer_onboarding.tests.utils import (
	MASTER_MANAGER,
	REVIEWER,
	REVIEWER_2,
	SALES_USER,
	as_user,
	enabled_customer,
	make_customer,
	move,
	unique_code,
)


def inbox(user: str, reference: str) -> list[str]:
	with as_user(user):
		return frappe.get_list(
			"Workflow Action", {"reference_name": reference, "status": "Open"}, pluck="name"
		)


class TestInbox(ChangeRequestCase):
	def test_a_reviewer_does_not_find_their_own_customer_to_review(self):
		with as_user(REVIEWER):
			customer = make_customer().name
		move(customer, "Submit for Review", REVIEWER)
		self.assertEqual(inbox(REVIEWER, customer), [])
		self.assertEqual(len(inbox(REVIEWER_2, customer)), 1)

	def test_nor_their_own_change_request(self):
		request = new_request(self.customer, user=REVIEWER, credit_days="15")
		act(request.name, "Submit for Review", REVIEWER)
		self.assertEqual(inbox(REVIEWER, request.name), [])
		self.assertEqual(len(inbox(REVIEWER_2, request.name)), 1)

	def test_a_customer_resubmitted_after_return_is_in_the_inbox_again(self):
		with as_user(SALES_USER):
			customer = make_customer().name
		move(customer, "Submit for Review", SALES_USER)
		with as_user(REVIEWER):
			set_review_comment(customer, "请补充注册地址")
		move(customer, "Return", REVIEWER)
		self.assertEqual(inbox(REVIEWER, customer), [])
		move(customer, "Submit for Review", SALES_USER)
		self.assertEqual(len(inbox(REVIEWER, customer)), 1)

	def test_a_customer_disabled_again_is_in_the_inbox_again(self):
		customer = enabled_customer().name
		for _ in range(2):
			move(customer, "Disable", MASTER_MANAGER)
			self.assertEqual(len(inbox(MASTER_MANAGER, customer)), 1)
			move(customer, "Enable", MASTER_MANAGER)
			self.assertEqual(inbox(MASTER_MANAGER, customer), [])

	def test_a_customer_made_again_under_a_deleted_ones_name_reaches_the_inbox(self):
		code = f"INBOX-{unique_code()}"
		with as_user("Administrator"):
			first = make_customer(customer_code=code).name
		move(first, "Submit for Review", SALES_USER)
		self.assertEqual(len(inbox(REVIEWER, code)), 1)
		with as_user("Administrator"):
			frappe.delete_doc("Customer", first)
			self.assertFalse(frappe.get_all("Workflow Action", {"reference_name": code}))
			self.assertEqual(make_customer(customer_code=code).name, code)
		move(code, "Submit for Review", SALES_USER)
		self.assertEqual(len(inbox(REVIEWER, code)), 1)
