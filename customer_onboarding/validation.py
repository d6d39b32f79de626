"""Checks on customer data, shared by the form, the API, imports and approval."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import validate_email_address

from customer_onboarding.core.phones import normalise_phone
from customer_onboarding.core.problems import Problem, ProblemError
from customer_onboarding.core.required import missing_field_problems, required_fields_for
from customer_onboarding.core.tax_id import normalise_tax_id, tax_id_problem
from customer_onboarding.exceptions import CustomerDataError
from customer_onboarding.import_cache import import_cached
from customer_onboarding.messages import problem_message
from customer_onboarding.settings import get_settings, required_matrix


def data_checks_apply() -> bool:
	"""The data checks are part of the onboarding gate: with approval off, customers save as in stock ERPNext."""
	return bool(get_settings().require_approval)


def normalise_customer(doc: Document) -> None:
	doc.tax_id = normalise_tax_id(doc.tax_id) or None
	if doc.email_id:
		doc.email_id = doc.email_id.strip()


def customer_problems(doc: Document) -> list[Problem]:
	"""Everything wrong with the customer's data under the current settings (phones are normalised)."""
	settings = get_settings()
	problems = []
	if settings.check_contact_details:
		problems += normalise_phone_fields(doc, ["mobile_no"], settings.default_phone_region, mobile=True)
		problems += email_problems(doc, ["email_id"])
	problem = tax_id_problem(doc.tax_id, settings.tax_id_scheme, doc.customer_type)
	problems += [problem] if problem else []
	problems += duplicate_tax_id_problems(doc)
	problems += missing_field_problems(
		doc.as_dict(), required_fields_for(required_matrix(), doc.customer_type)
	)
	return problems


def throw_problems(doc: Document, problems: list[Problem]) -> None:
	if not problems:
		return
	messages = [problem_message(problem, doc) for problem in problems]
	if len(messages) == 1:
		frappe.throw(messages[0], CustomerDataError)
	frappe.throw(messages, CustomerDataError, title=_("Please correct the customer data"), as_list=True)


def normalise_phone_fields(doc: Document, fieldnames: list[str], region: str, mobile: bool) -> list[Problem]:
	problems = []
	for fieldname in fieldnames:
		try:
			doc.set(fieldname, normalise_phone(doc.get(fieldname) or "", region, fieldname, mobile) or None)
		except ProblemError as error:
			problems.append(with_region(error.problem, region))
	return problems


def with_region(problem: Problem, region: str) -> Problem:
	return Problem(problem.code, problem.fieldname, problem.value, (region,))


def email_problems(doc: Document, fieldnames: list[str]) -> list[Problem]:
	return [
		Problem("email_invalid", fieldname, doc.get(fieldname))
		for fieldname in fieldnames
		if doc.get(fieldname) and not validate_email_address(doc.get(fieldname))
	]


def duplicate_tax_id_problems(doc: Document) -> list[Problem]:
	if not doc.tax_id:
		return []
	other = next((holder for holder in tax_id_holders(doc.tax_id) if holder[0] != doc.name), None)
	if not other:
		return []
	return [Problem("duplicate_tax_id", "tax_id", doc.tax_id, (f"{other[1]} ({other[0]})",))]


def tax_id_holders(tax_id: str) -> list[tuple[str, str]]:
	"""The customers with this tax ID as (name, customer name), most recently modified first."""
	return import_cached(("tax_id_holders", tax_id), lambda: read_tax_id_holders([tax_id]).get(tax_id, []))


def preloaded_tax_id_holders(tax_ids: list[str]) -> dict[tuple, list[tuple[str, str]]]:
	"""The holders of many tax IDs, in a few queries, ready for `import_cache`."""
	holders = read_tax_id_holders(tax_ids)
	return {("tax_id_holders", tax_id): holders.get(tax_id, []) for tax_id in tax_ids}


def read_tax_id_holders(tax_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
	holders: dict[str, list[tuple[str, str]]] = {}
	for start in range(0, len(tax_ids), 1000):
		rows = frappe.get_all(
			"Customer",
			filters={"tax_id": ["in", tax_ids[start : start + 1000]]},
			fields=["tax_id", "name", "customer_name"],
			order_by="modified desc",
			as_list=True,
		)
		for tax_id, name, customer_name in rows:
			holders.setdefault(tax_id, []).append((name, customer_name))
	return holders


def contact_problems(doc: Document) -> list[Problem]:
	"""Phones of a customer's contact, normalised in place; what cannot be a phone number is a problem."""
	settings = get_settings()
	if not (data_checks_apply() and settings.check_contact_details and is_customer_contact(doc)):
		return []
	problems = []
	for row in doc.phone_nos:
		try:
			row.phone = normalise_phone(
				row.phone, settings.default_phone_region, "phone", row.is_primary_mobile_no
			)
		except ProblemError as error:
			problems.append(with_region(error.problem, settings.default_phone_region))
	return problems + email_problems_of_rows(doc.email_ids)


def email_problems_of_rows(rows) -> list[Problem]:
	return [
		Problem("email_invalid", "email_id", row.email_id)
		for row in rows
		if not validate_email_address(row.email_id)
	]


def is_customer_contact(doc: Document) -> bool:
	return any(link.link_doctype == "Customer" for link in doc.links)
