"""The draft customer and its contact made from a registration, checked by the same rules as in the desk.

Errors go to an anonymous visitor, so they name the visitor's own fields and never another customer.
"""

from dataclasses import replace

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html
from frappe.utils.nestedset import get_root_of

from customer_onboarding.arguments import refuse_oversized
from customer_onboarding.core.problems import Problem
from customer_onboarding.exceptions import CustomerDataError
from customer_onboarding.messages import field_label
from customer_onboarding.settings import required_matrix
from customer_onboarding.utils.notifications import create_todo, notify
from customer_onboarding.validation import tax_id_holders, throw_problems, value_problems

# Customer fields that have another name on the registration form.
FORM_FIELDS = {"customer_name": "company_name", "mobile_no": "phone", "email_id": "email"}


def types_requiring(form_fieldname: str) -> list[str]:
	"""The customer types whose required-field matrix asks for this form field."""
	customer_field = next((c for c, f in FORM_FIELDS.items() if f == form_fieldname), form_fieldname)
	return sorted(
		{customer_type for customer_type, fieldname in required_matrix() if fieldname == customer_field}
	)


def customer_values(registration: Document) -> dict:
	return {
		"doctype": "Customer",
		"customer_name": (registration.company_name or "").strip(),
		"customer_type": registration.customer_type,
		"tax_id": registration.tax_id,
		"registered_address": registration.registered_address,
		"mobile_no": registration.phone,
		"email_id": (registration.email or "").strip(),
		"customer_group": default_node("Customer Group", "customer_group"),
		"territory": default_node("Territory", "territory"),
	}


def default_node(doctype: str, selling_setting: str) -> str:
	"""ERPNext's default for new customers in Selling Settings, else the root of the tree."""
	return frappe.db.get_single_value("Selling Settings", selling_setting) or get_root_of(doctype)


def check_registration(registration: Document) -> dict:
	"""The customer's values once they meet the customer rules; a translated error naming the field otherwise."""
	refuse_oversized("text", "Registered Address", registration.registered_address)
	values = customer_values(registration)
	throw_problems(registration, [on_form(problem) for problem in value_problems(values)])
	refuse_registered_tax_id(registration, values["tax_id"])
	return values


def on_form(problem: Problem) -> Problem:
	return replace(problem, fieldname=FORM_FIELDS.get(problem.fieldname, problem.fieldname))


def refuse_registered_tax_id(registration: Document, tax_id: str | None) -> None:
	"""The duplicate tax ID rule, legacy customers included, without telling the visitor who holds it."""
	if tax_id and tax_id_holders(tax_id):
		frappe.throw(
			_(
				"{0}: this company is already registered with us. Please contact us instead of registering again."
			).format(field_label(registration, "tax_id")),
			CustomerDataError,
		)


def create_customer(registration: Document, values: dict) -> Document:
	"""The customer, and the primary contact ERPNext makes from its mobile and e-mail, named after the person."""
	customer = frappe.get_doc(values).insert(ignore_permissions=True)
	# ERPNext tells the user when it renames a customer whose name exists already: the visitor must not learn that.
	frappe.clear_messages()
	contact = frappe.get_doc("Contact", customer.customer_primary_contact)
	contact.first_name = registration.contact_first_name.strip()
	contact.last_name = (registration.contact_last_name or "").strip()
	contact.save(ignore_permissions=True)
	return customer


def hand_over(customer: Document, registration: Document, owner: str) -> None:
	"""The sales user owns the customer and its contact, and has it assigned; the timeline says where it came from."""
	for doctype, name in (("Customer", customer.name), ("Contact", customer.customer_primary_contact)):
		frappe.db.set_value(doctype, name, "owner", owner, update_modified=False)
	customer.add_comment(
		"Info",
		_("Registered through the self-registration page ({0}) from IP address {1}").format(
			registration.name, registration.ip_address or _("unknown")
		),
	)
	subject = _("New customer {0} registered through the self-registration page").format(
		frappe.bold(escape_html(customer.customer_name))
	)
	create_todo((customer.doctype, customer.name), owner, subject)
	notify(owner, customer, subject)
