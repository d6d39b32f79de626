"""The workflow inbox holds only what its reader may act on: nobody reviews a customer or a change request they
made themselves, so those never show in their inbox."""

import frappe
from frappe.query_builder import DocType

from customer_onboarding.constants import PENDING_REVIEW

REVIEWED_DOCTYPES = ("Customer", "Customer Change Request")


def workflow_action_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions for Workflow Action, added to Frappe's own."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	return " and ".join(
		f"`tabWorkflow Action`.`name` not in ({own_pending_actions(reviewed, user)})"
		for reviewed in REVIEWED_DOCTYPES
	)


def own_pending_actions(reviewed: str, user: str) -> str:
	"""Open review actions on documents of `reviewed` that `user` made, as a subquery."""
	action = DocType("Workflow Action")
	reference = DocType(reviewed)
	return (
		frappe.qb.from_(action)
		.join(reference)
		.on(reference.name == action.reference_name)
		.select(action.name)
		.where(
			(action.reference_doctype == reviewed)
			& (action.workflow_state == PENDING_REVIEW)
			& (reference.owner == user)
		)
		.get_sql()
	)


def list_again_in_inbox(doc, method: str | None = None) -> None:
	"""Frappe makes a document's inbox entry for a state only once, so a customer resubmitted after Return (or
	disabled a second time) would never reach the inbox again. When a document enters a state, its completed
	entries for that state go, and Frappe's own hook, which runs after this one, makes a new entry.

	A document being inserted has no entries to look for: Frappe removes a document's entries when it is deleted,
	so a name used again starts with none."""
	if doc.flags.in_insert or not doc.has_value_changed("workflow_state"):
		return
	action = DocType("Workflow Action")
	done = (
		frappe.qb.from_(action)
		.select(action.name)
		.where(
			(action.reference_name == doc.name)
			& (action.reference_doctype == doc.doctype)
			& (action.workflow_state == doc.workflow_state)
			& (action.status == "Completed")
		)
		.run(pluck=True)
	)
	if done:
		frappe.db.delete("Workflow Action Permitted Role", {"parent": ["in", done]})
		frappe.db.delete("Workflow Action", {"name": ["in", done]})
