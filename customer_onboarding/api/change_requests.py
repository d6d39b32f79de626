"""Change requests of an enabled customer's sensitive data, from the Customer and the request's form."""

import frappe
from frappe import _

from customer_onboarding.api.onboarding import validate_reviewer
from customer_onboarding.arguments import get_permitted_doc, refuse_oversized
from customer_onboarding.change_requests import requests as change_requests
from customer_onboarding.exceptions import OnboardingStateError


@frappe.whitelist()
def change_request_rows(customer: str) -> dict:
	"""What a new change request of this customer starts with: every sensitive field, current and proposed."""
	doc = get_permitted_doc("Customer", customer, "write")
	return {
		"items": change_requests.proposed_rows(doc),
		"credit_limits": [
			{f: row.get(f) for f in change_requests.CREDIT_LIMIT_FIELDS} for row in doc.credit_limits
		],
	}


@frappe.whitelist(methods=["POST"])
def refresh_change_request(name: str) -> list[str]:
	"""Take the customer's values of now as the request's current values; returns the fields that moved."""
	doc = get_permitted_doc("Customer Change Request", name, "write")
	return change_requests.refresh(doc)


@frappe.whitelist(methods=["POST"])
def set_change_request_comment(name: str, comment: str) -> None:
	"""Store the reviewer's comment just before the Reject action, which requires one."""
	refuse_oversized("docname", "Customer Change Request", name)
	refuse_oversized("text", "Review Comment", comment)
	doc = frappe.get_doc("Customer Change Request", name)
	validate_reviewer(
		doc, change_requests.refuse_self_approval, _("Change request {0} is not pending review")
	)
	if not (comment or "").strip():
		frappe.throw(_("Write a review comment before rejecting the change request"), OnboardingStateError)
	doc.db_set("review_comment", comment.strip(), update_modified=False)
