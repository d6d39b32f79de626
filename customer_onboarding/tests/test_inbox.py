"""The workflow inbox lists only what its reader may act on."""

import frappe

from customer_onboarding.tests.test_change_requests import ChangeRequestCase, act, new_request
from customer_onboarding.tests.utils import REVIEWER, REVIEWER_2, as_user, make_customer, move


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
