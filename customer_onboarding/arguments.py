"""Arguments of whitelisted methods are refused, with a clear message, when they are too large to be real; a
document named by one is loaded with its permission check."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.limits import MAX_ITEMS, MAX_LENGTH, too_long, too_many
from customer_onboarding.exceptions import ArgumentTooLargeError


def customer_name_length() -> int:
	return frappe.get_meta("Customer").get_field("customer_name").length or 140


def refuse_oversized(kind: str, label: str, value) -> None:
	"""`kind` is a key of MAX_LENGTH, or "customer_name" for the Customer name's own length."""
	limit = customer_name_length() if kind == "customer_name" else MAX_LENGTH[kind]
	if too_long(value, limit):
		frappe.throw(
			_("{0} is too long: at most {1} characters are accepted, and {2} were sent").format(
				frappe.bold(_(label)), limit, len(value)
			),
			ArgumentTooLargeError,
		)


def refuse_too_many(label: str, values) -> None:
	if too_many(values):
		frappe.throw(
			_("{0}: at most {1} items are accepted, and {2} were sent").format(
				frappe.bold(_(label)), MAX_ITEMS, len(values)
			),
			ArgumentTooLargeError,
		)


def get_permitted_doc(doctype: str, name: str, ptype: str) -> Document:
	"""The document a whitelisted method was named, once the name is not oversized and the user may `ptype` it."""
	refuse_oversized("docname", doctype, name)
	doc = frappe.get_doc(doctype, name)
	doc.check_permission(ptype)
	return doc
