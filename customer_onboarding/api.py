"""Whitelisted methods the desk calls. Each checks permissions and hands over to the module that owns the rule."""

import frappe
from frappe import _

from customer_onboarding.constants import PENDING_REVIEW, REVIEWER
from customer_onboarding.exceptions import OnboardingStateError
from customer_onboarding.follow_ups import record_follow_up
from customer_onboarding.lifecycle import refuse_self_review


@frappe.whitelist(methods=["POST"])
def set_review_comment(customer: str, comment: str) -> None:
	"""Store the reviewer's comment just before the Return action, which requires one."""
	doc = frappe.get_doc("Customer", customer)
	if REVIEWER not in frappe.get_roles():
		frappe.throw(_("Only a {0} can comment on a review").format(_(REVIEWER)), frappe.PermissionError)
	if doc.workflow_state != PENDING_REVIEW:
		frappe.throw(
			_("Customer {0} is not pending review").format(frappe.bold(doc.name)), OnboardingStateError
		)
	refuse_self_review(doc)
	if not (comment or "").strip():
		frappe.throw(_("Write a review comment before returning the customer"), OnboardingStateError)
	doc.db_set("review_comment", comment.strip(), update_modified=False)


@frappe.whitelist(methods=["POST"])
def add_follow_up(customer: str, summary: str, **values) -> str | None:
	"""Record a follow-up from the form's button; the customer's own permissions and checks apply."""
	return record_follow_up(customer, summary, values)
