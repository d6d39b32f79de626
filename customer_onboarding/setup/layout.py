"""Where the fields that the required-field matrix asks for sit on the Customer form.

Stock ERPNext spreads them over three tabs (Tax ID on Tax, the primary contact's mobile and e-mail on Address &
Contact, ours on Customer Onboarding), so a clerk learns of them only from the error on save. They go beside
the customer type on Details instead, where one pass fills them, followed by the business registry's facts. The mobile and e-mail are ERPNext's read-only
copies of the primary contact; a new customer has no contact yet, so they can be typed while the customer is
new, and ERPNext makes the primary contact from them.
"""

import json

import frappe

from customer_onboarding.setup.custom_fields import MODULE
from customer_onboarding.setup.fields import set_customer_property as set_property

DOCTYPE = "Customer"
ANCHOR = "customer_type"
FIELDS_BESIDE_NAME = ("tax_id", "registered_address", "mobile_no", "email_id", "registry_facts")
TYPED_WHILE_NEW = ("mobile_no", "email_id")
SEARCHED_BY = "legacy_code"
FIELD_PROPERTIES = (
	("fieldtype", "Data", "Select"),
	("read_only_depends_on", "eval:!doc.__islocal", "Code"),
)


def place_fields_beside_name() -> None:
	order = current_order()
	moved = [fieldname for fieldname in FIELDS_BESIDE_NAME if fieldname in order]
	rest = [fieldname for fieldname in order if fieldname not in moved]
	at = rest.index(ANCHOR) + 1
	write_order(rest[:at] + moved + rest[at:])
	for fieldname in TYPED_WHILE_NEW:
		for prop, value, property_type in FIELD_PROPERTIES:
			set_property(prop, value, property_type, fieldname)
	frappe.clear_cache(doctype=DOCTYPE)


def restore_stock_layout() -> None:
	"""Uninstall: our property setters go; a field order the site had before us gets stock positions back."""
	for name in frappe.get_all("Property Setter", {"doc_type": DOCTYPE, "module": MODULE}, pluck="name"):
		frappe.delete_doc("Property Setter", name, ignore_permissions=True, force=True)
	if name := search_setter():
		fields = [fieldname for fieldname in search_fields() if fieldname != SEARCHED_BY]
		frappe.db.set_value("Property Setter", name, "value", ",".join(fields))
	if order := site_order():
		for fieldname, previous in stock_predecessors().items():
			order = move_after(order, fieldname, previous)
		frappe.db.set_value("Property Setter", order_setter(), "value", json.dumps(order))
	frappe.clear_cache(doctype=DOCTYPE)


def search_by_legacy_code() -> None:
	"""Every customer link field finds a customer by its old code: ERPNext's customer query searches the search
	fields. A site that set its own search fields keeps its setter, with the legacy code added."""
	fields = search_fields()
	if SEARCHED_BY in fields:
		return
	value = ",".join([*fields, SEARCHED_BY])
	if name := search_setter():
		frappe.db.set_value("Property Setter", name, "value", value)
	else:
		set_property("search_fields", value, "Data")
	frappe.clear_cache(doctype=DOCTYPE)


def search_fields() -> list[str]:
	value = frappe.get_meta(DOCTYPE, cached=False).search_fields or ""
	return [fieldname.strip() for fieldname in value.split(",") if fieldname.strip()]


def search_setter() -> str | None:
	return frappe.db.get_value("Property Setter", {"doc_type": DOCTYPE, "property": "search_fields"})


def current_order() -> list[str]:
	return [df.fieldname for df in frappe.get_meta(DOCTYPE, cached=False).fields]


def site_order() -> list[str] | None:
	name = order_setter()
	return json.loads(frappe.db.get_value("Property Setter", name, "value")) if name else None


def order_setter() -> str | None:
	return frappe.db.get_value("Property Setter", {"doc_type": DOCTYPE, "property": "field_order"})


def stock_predecessors() -> dict[str, str]:
	"""Each stock field we move, with the field it follows in ERPNext's own layout."""
	stock = frappe.get_all("DocField", {"parent": DOCTYPE}, pluck="fieldname", order_by="idx")
	return {
		fieldname: stock[stock.index(fieldname) - 1] for fieldname in FIELDS_BESIDE_NAME if fieldname in stock
	}


def move_after(order: list[str], fieldname: str, previous: str) -> list[str]:
	if fieldname not in order or previous not in order:
		return order
	rest = [name for name in order if name != fieldname]
	at = rest.index(previous) + 1
	return [*rest[:at], fieldname, *rest[at:]]


def write_order(order: list[str]) -> None:
	"""A site that already customised the layout keeps its own setter, changed; otherwise the setter is ours."""
	if name := order_setter():
		frappe.db.set_value("Property Setter", name, "value", json.dumps(order))
	else:
		set_property("field_order", json.dumps(order), "Data")
