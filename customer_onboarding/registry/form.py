"""What the Customer form asks of the registry: a check of the values on screen, and a change request from it."""

import frappe
from frappe import _

from customer_onboarding.change_requests.requests import REQUEST
from customer_onboarding.core.registry import ADDRESS_DIFFERS, FACT_FIELDS, NAME_DIFFERS, is_blocking
from customer_onboarding.registry.checks import (
	CHECK,
	MISMATCH_LABELS,
	customer_mismatches,
	registry_check,
	registry_fields,
)
from customer_onboarding.registry.providers import default_provider

# The registry facts a change request can take over, with the mismatch that calls for it.
TAKEN_OVER = (
	("customer_name", "registered_name", NAME_DIFFERS),
	("registered_address", "registered_address", ADDRESS_DIFFERS),
)


def check_for_form(tax_id: str, customer_name=None, registered_address=None, customer=None) -> dict:
	"""Check the code in the registry. For a saved customer its stored values are compared and its registry
	fields are written (without a new modified: it is a lookup, not an edit); for a new one, the values typed."""
	if customer:
		doc = frappe.get_doc("Customer", customer)
		doc.check_permission("write")
		tax_id, customer_name, registered_address = doc.tax_id, doc.customer_name, doc.registered_address
	elif not frappe.has_permission("Customer", "create"):
		frappe.throw(_("Not permitted to check customers in the business registry"), frappe.PermissionError)
	if not tax_id:
		frappe.throw(_("Enter the {0} first").format(frappe.bold(_("Tax ID"))))
	provider = default_provider()
	check, from_cache = registry_check(provider, tax_id)
	found = customer_mismatches(
		check, frappe._dict(customer_name=customer_name, registered_address=registered_address), provider
	)
	if customer:
		frappe.db.set_value("Customer", customer, registry_fields(check, found), update_modified=False)
	return shown_result(check, found, from_cache)


def stored_result(customer: str) -> dict | None:
	"""The customer's last check as the form shows it, without asking the registry again."""
	doc = frappe.get_doc("Customer", customer)
	doc.check_permission("read")
	if not doc.registry_check:
		return None
	check = frappe.get_doc(CHECK, doc.registry_check)
	return shown_result(check, customer_mismatches(check, doc), True)


def shown_result(check, found: list[str], from_cache: bool) -> dict:
	return {
		"check": check.name,
		"provider": check.provider,
		"checked_on": check.checked_on,
		"from_cache": from_cache,
		"found": bool(check.found),
		"facts": {fact: check.get(fact) for fact in FACT_FIELDS},
		"missing": (check.missing_facts or "").splitlines(),
		"mismatches": found,
		"mismatch_labels": [_(MISMATCH_LABELS[code]) for code in found],
		"blocking": is_blocking(found),
	}


def request_change_from_registry(customer: str) -> str:
	"""A draft change request that takes the registry's name and address where they differ from the customer's."""
	doc = frappe.get_doc("Customer", customer)
	if not doc.registry_check:
		frappe.throw(_("Check the customer in the business registry first"))
	check = frappe.get_doc(CHECK, doc.registry_check)
	found = customer_mismatches(check, doc)
	items = [
		{"fieldname": fieldname, "proposed_value": check.get(fact)}
		for fieldname, fact, mismatch in TAKEN_OVER
		if mismatch in found and check.get(fact)
	]
	if not items:
		frappe.throw(_("The registry's name and address already match this customer"))
	return (
		frappe.get_doc(
			{
				"doctype": REQUEST,
				"customer": customer,
				"reason": _("Business registry check of {0} by {1}").format(
					frappe.utils.format_datetime(check.checked_on), check.provider
				),
				"source": "Registry",
				"items": items,
			}
		)
		.insert()
		.name
	)
