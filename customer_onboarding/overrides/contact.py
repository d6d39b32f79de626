"""doc_events for Contact: the phone numbers of a customer's contacts are checked and normalised."""

from frappe.model.document import Document

from customer_onboarding.validation import contact_problems, throw_problems


def before_validate(doc: Document, method: str | None = None) -> None:
	throw_problems(doc, contact_problems(doc))
