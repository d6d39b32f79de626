import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from customer_onboarding.setup.custom_fields import MODULE, get_custom_fields


def make_custom_fields():
	"""Create or update our custom fields; safe to run again (install, migrate, and patches that need them)."""
	create_custom_fields(get_custom_fields(), ignore_validate=True)


def toggle_customer_property(prop: str, on: bool | int, field_name: str | None = None) -> None:
	"""Set (1) or remove one of our Check property setters on Customer."""
	if on:
		set_customer_property(prop, "1", "Check", field_name)
	elif existing := frappe.db.get_value("Property Setter", property_filters(prop, field_name)):
		frappe.delete_doc("Property Setter", existing, ignore_permissions=True, force=True)
	frappe.clear_cache(doctype="Customer")


def set_customer_property(prop: str, value: str, property_type: str, field_name: str | None = None) -> None:
	"""Create or update one of our property setters on Customer, tagged with our module."""
	filters = property_filters(prop, field_name)
	if existing := frappe.db.get_value("Property Setter", filters):
		frappe.db.set_value("Property Setter", existing, "value", value)
		return
	frappe.get_doc(
		{
			"doctype": "Property Setter",
			"doctype_or_field": "DocField" if field_name else "DocType",
			"property_type": property_type,
			"value": value,
			**filters,
		}
	).insert(ignore_permissions=True)


def property_filters(prop: str, field_name: str | None) -> dict:
	filters = {"doc_type": "Customer", "property": prop, "module": MODULE}
	if field_name:
		filters["field_name"] = field_name
	return filters


def sync_link_title(show: bool | int):
	"""With codes as names, links to a customer show its name beside the code."""
	toggle_customer_property("show_title_field_in_link", show)
