"""The sensitive fields of a customer and their current values as text, as a change request shows them."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.constants import ENABLED
from customer_onboarding.core.change_requests import (
	BANK_ACCOUNTS,
	CREDIT_LIMITS,
	TABLES,
	as_text,
	credit_limit_text,
	parse_field_list,
)
from customer_onboarding.settings import get_settings


def change_control_applies() -> bool:
	"""Change requests belong to the onboarding gate: with approval off, customers are edited as in ERPNext."""
	return bool(get_settings().require_approval)


def is_controlled(customer: Document | None) -> bool:
	return bool(customer) and customer.workflow_state == ENABLED and change_control_applies()


def customer_is_controlled(name: str) -> bool:
	return is_controlled(frappe._dict(workflow_state=frappe.db.get_value("Customer", name, "workflow_state")))


def sensitive_fields() -> list[str]:
	return parse_field_list(get_settings().sensitive_fields)


def customer_fields() -> list[str]:
	"""Sensitive fields that are fields of Customer itself (not the credit limits or bank accounts)."""
	return [f for f in sensitive_fields() if f not in TABLES]


def field_label(fieldname: str) -> str:
	labels = {CREDIT_LIMITS: "Credit Limits", BANK_ACCOUNTS: "Bank Accounts"}
	if fieldname in labels:
		return _(labels[fieldname])
	df = frappe.get_meta("Customer").get_field(fieldname)
	return _(df.label) if df else fieldname


def current_values(customer: Document) -> dict[str, str]:
	"""Every sensitive field's value as text; credit limits and bank accounts as one line per row."""
	values = {}
	for fieldname in sensitive_fields():
		if fieldname == CREDIT_LIMITS:
			values[fieldname] = credit_limit_text(customer.get(CREDIT_LIMITS) or [])
		elif fieldname == BANK_ACCOUNTS:
			values[fieldname] = bank_account_text(customer.name)
		else:
			values[fieldname] = as_text(customer.get(fieldname))
	return values


def bank_accounts_of(customer: str) -> list[dict]:
	return frappe.get_all(
		"Bank Account",
		filters={"party_type": "Customer", "party": customer},
		fields=["name", "bank", "account_name", "bank_account_no", "branch_code", "is_default"],
		order_by="name",
	)


def bank_account_text(customer: str) -> str:
	return "\n".join(
		f"{a.bank} {a.bank_account_no or ''}{' (default)' if a.is_default else ''}".strip()
		for a in bank_accounts_of(customer)
	)
