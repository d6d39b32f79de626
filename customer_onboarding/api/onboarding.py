"""The review of a new customer: the comment that Return requires."""

import frappe
from frappe import _

from customer_onboarding.arguments import refuse_oversized
from customer_onboarding.constants import PENDING_REVIEW, REVIEWER
from customer_onboarding.exceptions import OnboardingStateError
from customer_onboarding.lifecycle import refuse_self_review


@frappe.whitelist(methods=["POST"])
def set_review_comment(customer: str, comment: str) -> None:
	"""Store the reviewer's comment just before the Return action, which requires one."""
	refuse_oversized("docname", "Customer", customer)
	refuse_oversized("text", "Review Comment", comment)
	doc = frappe.get_doc("Customer", customer)
	validate_reviewer(doc, refuse_self_review, _("Customer {0} is not pending review"))
	if not (comment or "").strip():
		frappe.throw(_("Write a review comment before returning the customer"), OnboardingStateError)
	doc.db_set("review_comment", comment.strip(), update_modified=False)


def validate_reviewer(doc, refuse_own, not_pending: str) -> None:
	"""Checks shared by the comments that Return and Reject require: a reviewer, pending review, not their own."""
	if REVIEWER not in frappe.get_roles():
		frappe.throw(_("Only a {0} can comment on a review").format(_(REVIEWER)), frappe.PermissionError)
	if doc.workflow_state != PENDING_REVIEW:
		frappe.throw(not_pending.format(frappe.bold(doc.name)), OnboardingStateError)
	refuse_own(doc)
