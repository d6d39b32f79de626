"""Starting imports in the background, and the template handed to users."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.importing.workbooks import build_template
from customer_onboarding.importing.importer import run_import
from customer_onboarding.utils.jobs import queue_document_job


def job_id(name: str) -> str:
	return f"customer-import::{name}"


def queue_import(doc: Document) -> str:
	if doc.status == "Completed":
		return doc.status
	return queue_document_job(doc, job_id(doc.name), run_import_job, 4 * 3600, import_name=doc.name)


def run_import_job(import_name: str) -> None:
	"""The background job: progress, row messages and the error report speak the language of whoever started it."""
	frappe.set_user_lang(frappe.session.user)
	try:
		run_import(import_name)
	except Exception:
		frappe.db.rollback()
		frappe.db.set_value("Customer Import", import_name, "status", "Failed")
		frappe.db.commit()
		raise


def import_template(language: str) -> bytes:
	lists = {
		"customer_group": frappe.get_all("Customer Group", {"is_group": 0}, pluck="name", order_by="name"),
		"territory": frappe.get_all("Territory", {"is_group": 0}, pluck="name", order_by="name"),
	}
	headings = {
		"title": _("Customer Import Template"),
		"intro": [
			_("Fill in one row per customer on the Customers sheet."),
			_("Contacts and Bank Accounts point at their customer by its Row Key or Tax ID."),
			_(
				"Columns marked * are required. Keep the headings; English and Chinese headings are both accepted."
			),
			_("The second row of each sheet is a sample: replace or delete it."),
			_(
				"A row matches an existing customer by Tax ID, then by Customer Code, then, for a row with neither, by the same mobile number or e-mail together with the same name. A matched row is skipped, or updates that customer when Update customers that already exist is ticked."
			),
		],
		"sheet": _("Sheet"),
		"column": _("Column"),
		"required": _("Required"),
		"rule": _("Rule"),
		"yes": _("Yes"),
	}
	return build_template(language or "en", lists, headings)
