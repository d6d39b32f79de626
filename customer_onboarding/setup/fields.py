import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from customer_onboarding.setup.custom_fields import MODULE, get_custom_fields


def make_custom_fields():
	"""Create or update our custom fields; safe to run again (install, migrate, and patches that need them)."""
	create_custom_fields(get_custom_fields(), ignore_validate=True)


def toggle_customer_property(prop: str, on: bool | int, field_name: str | None = None) -> None:
	"""Set (1) or remove one of our Check property setters on Customer, tagged with our module."""
	filters = {"doc_type": "Customer", "property": prop, "module": MODULE}
	if field_name:
		filters["field_name"] = field_name
	existing = frappe.db.get_value("Property Setter", filters)
	if on and not existing:
		level = "DocField" if field_name else "DocType"
		frappe.get_doc(
			{
				"doctype": "Property Setter",
				"doctype_or_field": level,
				"property_type": "Check",
				"value": "1",
				**filters,
			}
		).insert(ignore_permissions=True)
	elif not on and existing:
		frappe.delete_doc("Property Setter", existing, ignore_permissions=True, force=True)
	frappe.clear_cache(doctype="Customer")
