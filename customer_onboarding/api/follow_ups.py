"""Follow-ups recorded from the Customer form."""

import frappe

from customer_onboarding.arguments import refuse_oversized, refuse_too_many
from customer_onboarding.follow_ups import record_follow_up


@frappe.whitelist(methods=["POST"])
def add_follow_up(customer: str, summary: str, **values) -> str | None:
	"""Record a follow-up from the form's button; the customer's own permissions and checks apply."""
	refuse_oversized("docname", "Customer", customer)
	refuse_too_many("Follow-up", values)
	for label, value in {"Summary": summary, **values}.items():
		refuse_oversized("text", label, value)
	return record_follow_up(customer, summary, values)
