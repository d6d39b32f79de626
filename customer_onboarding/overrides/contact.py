"""doc_events for Contact: the phone numbers of a customer's contacts are checked and normalised."""

import frappe
from frappe.model.document import Document

from customer_onboarding.core.phones import normalise_phone
from customer_onboarding.core.problems import ProblemError
from customer_onboarding.settings import get_settings
from customer_onboarding.validation import data_checks_apply, throw_problems, with_region


def before_validate(doc: Document, method: str | None = None) -> None:
	settings = get_settings()
	if not (data_checks_apply() and settings.check_contact_details and is_customer_contact(doc)):
		return
	problems = []
	for row in doc.phone_nos:
		try:
			row.phone = normalise_phone(
				row.phone, settings.default_phone_region, "phone", row.is_primary_mobile_no
			)
		except ProblemError as error:
			problems.append(with_region(error.problem, settings.default_phone_region))
	throw_problems(doc, problems)


def is_customer_contact(doc: Document) -> bool:
	return any(link.link_doctype == "Customer" for link in doc.links)
