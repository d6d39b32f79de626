"""The onboarding states of a customer: who may move it where, and what each move brings.

Frappe's workflow moves the state and checks roles. This module adds what Frappe cannot express: a customer is
`disabled` in every state but Enabled, nobody reviews their own customer (also on a direct save), Return needs a
comment and Approve needs clean data and an account manager.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from customer_onboarding.constants import (
	APPROVED,
	DISABLED,
	DRAFT,
	ENABLED,
	PENDING_REVIEW,
	RETURNED,
	WORKFLOW,
)
from customer_onboarding.exceptions import OnboardingStateError
from customer_onboarding.settings import get_settings
from customer_onboarding.utils.notifications import create_todo, notify, todo_exists

REVIEW_OUTCOMES = (APPROVED, RETURNED)


def approval_required() -> bool:
	return bool(get_settings().require_approval)


def state_change(doc: Document) -> tuple[str | None, str | None]:
	before = doc.get_doc_before_save()
	return (before.workflow_state if before else None), doc.workflow_state


def sync_disabled_with_state(doc: Document) -> None:
	"""Only an Enabled customer is usable: ERPNext refuses a disabled one in sales and accounting."""
	if not approval_required():
		doc.workflow_state = DISABLED if doc.disabled else ENABLED
		return
	doc.workflow_state = doc.workflow_state or DRAFT
	usable = doc.workflow_state == ENABLED
	before = doc.get_doc_before_save()
	if before and before.disabled != doc.disabled and bool(doc.disabled) == usable:
		frappe.throw(
			_("{0} follows the onboarding state {1}: use the Enable or Disable action instead").format(
				frappe.bold(_("Disabled")), frappe.bold(_(doc.workflow_state))
			),
			OnboardingStateError,
		)
	doc.disabled = int(not usable)


def is_approving(doc: Document) -> bool:
	"""This save moves the customer to Approved, and approval is required."""
	old, new = state_change(doc)
	return old != new and new == APPROVED and approval_required()


def validate_state_change(doc: Document) -> None:
	old, new = state_change(doc)
	if old == new or not approval_required():
		return
	if new in REVIEW_OUTCOMES:
		refuse_self_review(doc)
	if new == RETURNED and not (doc.review_comment or "").strip():
		frappe.throw(_("Write a review comment before returning the customer"), OnboardingStateError)
	if new == APPROVED and not doc.account_manager:
		frappe.throw(
			_("Set the {0} before approving the customer").format(frappe.bold(_("Account Manager"))),
			OnboardingStateError,
		)
	if new in (PENDING_REVIEW, APPROVED):
		doc.review_comment = None


def refuse_self_review(doc: Document) -> None:
	user = frappe.session.user
	if user != "Administrator" and user == doc.owner:
		frappe.throw(_("You created this customer, so another reviewer must review it"), OnboardingStateError)


def record_state_change(doc: Document) -> None:
	"""Timeline and notifications after a move; runs in on_update."""
	old, new = state_change(doc)
	if old == new or not approval_required():
		return
	if new == RETURNED:
		doc.add_comment("Comment", _("Returned for changes: {0}").format(doc.review_comment))
		notify(doc.owner, doc, _("Customer {0} was returned for changes").format(doc.customer_name))
	if new == ENABLED:
		doc.db_set("enabled_on", now_datetime(), update_modified=False)
		assign_account_manager(doc)


def assign_account_manager(doc: Document) -> None:
	manager = doc.account_manager
	reference = (doc.doctype, doc.name)
	if not manager or todo_exists(reference, manager, status="Open"):
		return
	description = _("Follow up new customer {0}").format(doc.customer_name)
	create_todo(reference, manager, description)
	notify(manager, doc, description)


def set_workflow_active(active: bool | int) -> None:
	"""The workflow runs only while approval is required; fixtures reset it on migrate, so re-apply."""
	if frappe.db.exists("Workflow", WORKFLOW):
		frappe.db.set_value("Workflow", WORKFLOW, "is_active", int(bool(active)), update_modified=False)
		frappe.clear_document_cache("Workflow", WORKFLOW)
		frappe.cache.hdel("workflow", "Customer")
		frappe.clear_cache(doctype="Customer")
