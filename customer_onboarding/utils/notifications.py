"""What the app tells people: a notification in the desk, and a ToDo on a document, with a check for one."""

import frappe
from frappe.model.document import Document
from frappe.utils import today


def notify(user: str, doc: Document, subject: str) -> None:
	if not user or user == frappe.session.user:
		return
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"from_user": frappe.session.user,
			"type": "Alert",
			"document_type": doc.doctype,
			"document_name": doc.name,
			"subject": subject,
			"email_content": doc.review_comment or subject,
		}
	).insert(ignore_permissions=True)


def todo_exists(reference: tuple[str, str], user: str, **filters) -> bool:
	doctype, name = reference
	return bool(
		frappe.db.exists(
			"ToDo", {"reference_type": doctype, "reference_name": name, "allocated_to": user, **filters}
		)
	)


def create_todo(reference: tuple[str, str], user: str, description: str, date: str | None = None) -> None:
	doctype, name = reference
	frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": user,
			"reference_type": doctype,
			"reference_name": name,
			"description": description,
			"assigned_by": frappe.session.user,
			"date": date or today(),
		}
	).insert(ignore_permissions=True)
