"""doc_events for Contact: phones of a customer's contacts are checked, and the customers' match keys follow
every change of a contact's phones, e-mails or links."""

from frappe.model.document import Document

from customer_onboarding.match_keys.store import refresh_match_keys
from customer_onboarding.validation import contact_problems, throw_problems


def before_validate(doc: Document, method: str | None = None) -> None:
	throw_problems(doc, contact_problems(doc))


def on_update(doc: Document, method: str | None = None) -> None:
	before = doc.get_doc_before_save()
	refresh_match_keys(linked_customers(doc) | (linked_customers(before) if before else set()))


def after_delete(doc: Document, method: str | None = None) -> None:
	refresh_match_keys(linked_customers(doc))


def linked_customers(doc: Document) -> set[str]:
	return {link.link_name for link in doc.links if link.link_doctype == "Customer"}
