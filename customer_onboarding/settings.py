import frappe
from frappe.model.document import Document

SETTINGS = "Customer Onboarding Settings"


def get_settings() -> Document:
	return frappe.get_cached_doc(SETTINGS)


def required_matrix() -> list[tuple[str, str]]:
	return [(row.customer_type, row.fieldname) for row in get_settings().required_fields]
