"""Bulk import from Excel: the template, the dry run, the start and the progress of an import."""

import frappe

from customer_onboarding.arguments import get_permitted_doc, refuse_oversized, refuse_too_many
from customer_onboarding.importing.importer import import_progress, validate_import
from customer_onboarding.importing.jobs import import_template, queue_dry_run, queue_import
from customer_onboarding.importing.mapping import column_suggestions, save_mapping


@frappe.whitelist()
def download_customer_template(language: str | None = None) -> None:
	"""The import template as an .xlsx download, headers in the user's language unless asked otherwise."""
	refuse_oversized("language", "Language", language)
	frappe.has_permission("Customer Import", "create", throw=True)
	frappe.response.filename = "customer-import-template.xlsx"
	frappe.response.filecontent = import_template(language or frappe.local.lang)
	frappe.response.type = "binary"


@frappe.whitelist(methods=["POST"])
def validate_customer_import(name: str) -> dict:
	"""The dry run, in this request: its summary (the command line and the remote client wait for it)."""
	doc = get_permitted_doc("Customer Import", name, "write")
	return validate_import(doc)


@frappe.whitelist(methods=["POST"])
def queue_customer_import_dry_run(name: str) -> None:
	"""The dry run as a background job that shows its progress; its result reloads the form."""
	doc = get_permitted_doc("Customer Import", name, "write")
	queue_dry_run(doc)


@frappe.whitelist(methods=["POST"])
def start_customer_import(name: str) -> str:
	"""Queue the import; asking again while it is queued or running changes nothing."""
	doc = get_permitted_doc("Customer Import", name, "write")
	return queue_import(doc)


@frappe.whitelist()
def customer_import_progress(name: str) -> dict:
	"""Status and rows done so far, for clients that follow an import."""
	doc = get_permitted_doc("Customer Import", name, "read")
	return import_progress(doc)


@frappe.whitelist()
def customer_import_columns(name: str) -> dict:
	"""The file's columns with a suggested target each, for mapping a file in another layout."""
	doc = get_permitted_doc("Customer Import", name, "write")
	return column_suggestions(doc)


@frappe.whitelist(methods=["POST"])
def save_customer_import_mapping(
	name: str, mapping_name: str, columns: str | list, customer_type: str | None = None
) -> str:
	"""Save the columns' targets as a mapping of that name (new, or replacing its columns) for this import."""
	doc = get_permitted_doc("Customer Import", name, "write")
	refuse_oversized("docname", "Mapping Name", mapping_name)
	columns = frappe.parse_json(columns)
	refuse_too_many("Columns", columns)
	return save_mapping(doc, mapping_name, columns, customer_type)
