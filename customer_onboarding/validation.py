"""Checks on customer data, shared by the form, the API, imports, approval and the Customer Data Check report."""

from collections.abc import Mapping

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import validate_email_address

from customer_onboarding.core.match_keys import TAX_ID, tax_id_key
from customer_onboarding.core.phones import normalise_phone
from customer_onboarding.core.problems import Problem, ProblemError
from customer_onboarding.core.required import missing_field_problems, required_fields_for
from customer_onboarding.core.tax_id import normalise_tax_id, tax_id_problem
from customer_onboarding.exceptions import CustomerDataError
from customer_onboarding.match_keys.store import holders_of
from customer_onboarding.messages import problem_message
from customer_onboarding.settings import get_settings, required_matrix
from customer_onboarding.utils.bulk import memoised


def data_checks_apply() -> bool:
	"""*Check customer data on save*, independent of the approval workflow."""
	return bool(get_settings().check_data_on_save)


def normalise_customer(doc: Document) -> None:
	doc.tax_id = normalise_tax_id(doc.tax_id) or None
	if doc.email_id:
		doc.email_id = doc.email_id.strip()


def customer_problems(doc: Document) -> list[Problem]:
	"""Everything wrong with the customer's data under the current settings; readable phones are normalised."""
	if get_settings().check_contact_details:
		doc.mobile_no = normalised_phone(doc.mobile_no, mobile=True) or None
	return value_problems(doc) + duplicate_tax_id_problems(doc)


def value_problems(values: Mapping) -> list[Problem]:
	"""What breaks today's rules in one customer's own values, without comparing it with other customers."""
	settings = get_settings()
	problems = []
	if settings.check_contact_details:
		problems += [p for p in [phone_problem(values.get("mobile_no"), "mobile_no", mobile=True)] if p]
		problems += email_problems(values, ["email_id"])
	problem = tax_id_problem(
		normalise_tax_id(values.get("tax_id")), settings.tax_id_scheme, values.get("customer_type")
	)
	problems += [problem] if problem else []
	return problems + missing_field_problems(
		values, required_fields_for(required_matrix(), values.get("customer_type"))
	)


def throw_problems(doc: Document, problems: list[Problem]) -> None:
	if not problems:
		return
	messages = [field_pointer(problem.fieldname, problem_message(problem, doc)) for problem in problems]
	if len(messages) == 1:
		frappe.throw(messages[0], CustomerDataError)
	frappe.throw(messages, CustomerDataError, title=_("Please correct the customer data"), as_list=True)


def field_pointer(fieldname: str, message: str) -> str:
	"""The message marked with its field, so that a click on it in the desk takes the user to that field."""
	return f'<span class="customer-onboarding-problem" data-customer-field="{fieldname}">{message}</span>'


def normalised_phone(value: str | None, mobile: bool = False) -> str | None:
	"""The number in E.164 form, or the value unchanged when it is not a usable number."""
	try:
		return normalise_phone(value or "", get_settings().default_phone_region, mobile=mobile) or value
	except ProblemError:
		return value


def phone_problem(value: str | None, fieldname: str, mobile: bool = False) -> Problem | None:
	region = get_settings().default_phone_region
	try:
		normalise_phone(value or "", region, fieldname, mobile)
	except ProblemError as error:
		return Problem(error.problem.code, error.problem.fieldname, error.problem.value, (region,))
	return None


def email_problems(values: Mapping, fieldnames: list[str]) -> list[Problem]:
	return [
		Problem("email_invalid", fieldname, values.get(fieldname))
		for fieldname in fieldnames
		if values.get(fieldname) and not validate_email_address(values.get(fieldname))
	]


def duplicate_tax_id_problems(doc: Document) -> list[Problem]:
	if not doc.tax_id:
		return []
	# A merge gives the survivor its group's tax ID: the others are about to go.
	others = {doc.name, *(doc.flags.merging_with or ())}
	other = next((holder for holder in tax_id_holders(doc.tax_id) if holder[0] not in others), None)
	if not other:
		return []
	return [Problem("duplicate_tax_id", "tax_id", doc.tax_id, (f"{other[1]} ({other[0]})",))]


def tax_id_holders(tax_id: str) -> list[tuple[str, str]]:
	"""The customers whose tax ID key is this one's, as (name, customer name), most recently modified first."""
	key = tax_id_key(tax_id)
	return memoised(("tax_id_holders", key), lambda: holders_of(TAX_ID, [key]).get(key, []))


def preloaded_tax_id_holders(tax_ids: list[str]) -> dict[tuple, list[tuple[str, str]]]:
	"""The holders of many tax IDs, in a few queries, ready for `bulk_memo`."""
	keys = sorted({tax_id_key(tax_id) for tax_id in tax_ids} - {""})
	holders = holders_of(TAX_ID, keys)
	return {("tax_id_holders", key): holders.get(key, []) for key in keys}


def contact_problems(doc: Document) -> list[Problem]:
	"""Phones of a customer's contact, normalised in place; what cannot be a phone number is a problem."""
	settings = get_settings()
	if not (data_checks_apply() and settings.check_contact_details and is_customer_contact(doc)):
		return []
	problems = []
	for row in doc.phone_nos:
		row.phone = normalised_phone(row.phone, mobile=row.is_primary_mobile_no)
		problems += [p for p in [phone_problem(row.phone, "phone", row.is_primary_mobile_no)] if p]
	return problems + email_problems_of_rows(doc.email_ids)


def email_problems_of_rows(rows) -> list[Problem]:
	return [problem for row in rows for problem in email_problems(row, ["email_id"])]


def is_customer_contact(doc: Document) -> bool:
	return any(link.link_doctype == "Customer" for link in doc.links)
