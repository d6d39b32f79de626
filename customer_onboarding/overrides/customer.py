"""doc_events for Customer. ERPNext's own method of the same name has already run."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.change_requests.guard import (
	record_direct_customer_changes,
	refuse_sensitive_customer_edit,
)
from customer_onboarding.change_requests.requests import open_request
from customer_onboarding.coding import assign_customer_code
from customer_onboarding.constants import MASTER_MANAGER
from customer_onboarding.core.problems import Problem
from customer_onboarding.exceptions import CustomerCodeLockedError
from customer_onboarding.follow_ups import recent_follow_ups, update_next_follow_up_date
from customer_onboarding.inbox import list_again_in_inbox
from customer_onboarding.lifecycle import (
	is_approving,
	record_state_change,
	sync_disabled_with_state,
	validate_state_change,
)
from customer_onboarding.match_keys.store import (
	delete_match_keys,
	refresh_match_keys,
	refresh_saved_customer_keys,
)
from customer_onboarding.messages import problem_message
from customer_onboarding.registry.checks import sync_registry_fields, validate_registry_check
from customer_onboarding.settings import get_settings
from customer_onboarding.validation import (
	customer_problems,
	data_checks_apply,
	normalise_customer,
	throw_problems,
)


def before_insert(doc: Document, method: str | None = None) -> None:
	assign_customer_code(doc)


def autoname(doc: Document, method: str | None = None) -> None:
	"""Name the customer by its code, or give it a code equal to the name ERPNext chose."""
	if doc.customer_code and get_settings().use_code_as_name:
		doc.name = doc.customer_code
	elif not doc.customer_code:
		doc.customer_code = doc.name


def onload(doc: Document, method: str | None = None) -> None:
	"""The form shows the customer's latest follow-ups, its open change request, and when an approved one takes
	effect."""
	doc.set_onload("follow_ups", recent_follow_ups(doc.name))
	name = open_request(doc.name)
	if name:
		doc.set_onload(
			"change_request",
			frappe.db.get_value(
				"Customer Change Request", name, ["name", "workflow_state", "effective_date"], as_dict=True
			),
		)


def before_validate(doc: Document, method: str | None = None) -> None:
	if data_checks_apply():
		normalise_customer(doc)


def validate(doc: Document, method: str | None = None) -> None:
	refuse_code_change(doc)
	refuse_sensitive_customer_edit(doc)
	sync_disabled_with_state(doc)
	sync_registry_fields(doc)
	validate_state_change(doc)
	if is_approving(doc):
		validate_registry_check(doc)
	if data_checks_apply():
		throw_problems(doc, customer_problems(doc))


def on_update(doc: Document, method: str | None = None) -> None:
	record_state_change(doc)
	list_again_in_inbox(doc)
	record_direct_customer_changes(doc)
	refresh_saved_customer_keys(doc)


def on_trash(doc: Document, method: str | None = None) -> None:
	delete_match_keys(doc.name)


def is_named_by_code(doc: Document, name: str) -> bool:
	return doc.customer_code == name and bool(get_settings().use_code_as_name)


def refuse_code_change(doc: Document) -> None:
	if doc.is_new():
		return
	before = doc.get_doc_before_save()
	if before and before.customer_code and before.customer_code != doc.customer_code:
		frappe.throw(problem_message(Problem("code_locked", "customer_code"), doc), CustomerCodeLockedError)
	doc.customer_code = doc.customer_code or doc.name


def before_rename(doc: Document, method: str | None, old: str, new: str, merge: bool = False) -> None:
	"""Merging is for Customer Master Managers; renaming a customer named by its code, for System Managers."""
	roles = set(frappe.get_roles())
	if merge and not roles & {MASTER_MANAGER, "System Manager"}:
		frappe.throw(_("Only a {0} can merge customers").format(_(MASTER_MANAGER)), frappe.PermissionError)
	if not merge and is_named_by_code(doc, old) and "System Manager" not in roles:
		frappe.throw(
			_("Customer {0} is named by its code; only a System Manager can rename it").format(
				frappe.bold(old)
			),
			CustomerCodeLockedError,
		)


def after_rename(doc: Document, method: str | None, old: str, new: str, merge: bool = False) -> None:
	refresh_match_keys([new])
	if merge:
		update_next_follow_up_date(new)
	if is_named_by_code(doc, old) and not merge:
		frappe.db.set_value("Customer", new, "customer_code", new, update_modified=False)
