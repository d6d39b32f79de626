"""doc_events for Contact: phones of a customer's contacts are checked, and the customers' match keys follow
every change of a contact's phones, e-mails or links."""

import frappe
from frappe.model.document import Document

from customer_onboarding.match_keys.store import refresh_match_keys
from customer_onboarding.validation import contact_problems, throw_problems


def before_validate(doc: Document, method: str | None = None) -> None:
	throw_problems(doc, contact_problems(doc))


def on_update(doc: Document, method: str | None = None) -> None:
	before = doc.get_doc_before_save()
	customers = linked_customers(doc) | (linked_customers(before) if before else set())
	refresh_match_keys(customers - customers_being_saved())


def customers_being_saved() -> set[str]:
	"""ERPNext makes a customer's primary contact inside the customer's save, whose own refresh of its keys comes
	after it and reads that contact: refreshing them here too would do the same work twice."""
	return {name for doctype, name in frappe.flags.currently_saving or () if doctype == "Customer"}


def after_delete(doc: Document, method: str | None = None) -> None:
	refresh_match_keys(linked_customers(doc))


def linked_customers(doc: Document) -> set[str]:
	return {link.link_name for link in doc.links if link.link_doctype == "Customer"}
