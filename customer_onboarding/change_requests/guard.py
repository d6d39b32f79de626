"""doc_events that keep sensitive data of enabled customers behind change requests, whatever the path: the form,
REST, `frappe.client.set_value`, the import, or a Bank Account edited on its own. System Managers may still
write directly, and every such write is recorded."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.change_requests.fields import (
	customer_fields,
	customer_is_controlled,
	field_label,
	is_controlled,
	sensitive_fields,
)
from customer_onboarding.change_requests.history import log_changes
from customer_onboarding.change_requests.requests import holding_request
from customer_onboarding.core.change_requests import BANK_ACCOUNTS, CREDIT_LIMITS, as_text, credit_limit_text
from customer_onboarding.exceptions import ChangeRequestError, PaymentHeldError
from customer_onboarding.settings import get_settings


def comparable_values(customer: Document) -> dict[str, str]:
	"""The sensitive values a save of the Customer itself can change."""
	values = {f: as_text(customer.get(f)) for f in customer_fields()}
	if CREDIT_LIMITS in sensitive_fields():
		values[CREDIT_LIMITS] = credit_limit_text(customer.get(CREDIT_LIMITS) or [])
	return values


def direct_changes(before: Document, doc: Document) -> list[tuple[str, str, str]]:
	old, new = comparable_values(before), comparable_values(doc)
	return [(f, old[f], new[f]) for f in old if old[f] != new[f]]


def may_write_directly() -> bool:
	return "System Manager" in frappe.get_roles()


def refuse_sensitive_customer_edit(doc: Document) -> None:
	"""Customer validate: a save that changes a sensitive field of an enabled customer needs a request."""
	before = None if doc.is_new() else doc.get_doc_before_save()
	if doc.flags.change_request or not is_controlled(before):
		return
	changed = direct_changes(before, doc)
	if not changed:
		return
	if not may_write_directly():
		refuse([f for f, _old, _new in changed], doc.name)
	doc.flags.direct_changes = changed


def record_direct_customer_changes(doc: Document) -> None:
	"""Customer on_update: what a System Manager wrote directly goes to the change history."""
	if doc.flags.direct_changes:
		log_changes(doc.name, doc.flags.direct_changes)
		doc.flags.direct_changes = None


def refuse(fieldnames: list[str], customer: str) -> None:
	frappe.throw(
		_(
			"{0} of enabled customer {1} change only through a change request: use Request Change on the customer"
		).format(", ".join(frappe.bold(field_label(f)) for f in fieldnames), frappe.bold(customer)),
		ChangeRequestError,
	)


def guard_bank_account(doc: Document, method: str | None = None) -> None:
	"""Bank Account validate and on_trash: accounts of an enabled customer change only through a request. A
	customer merge folds an account into its double (the same bank and number), which changes nothing."""
	if doc.flags.change_request or frappe.flags.merging_customers or BANK_ACCOUNTS not in sensitive_fields():
		return
	before = None if doc.is_new() else doc.get_doc_before_save()
	for party_type, party in {(d.party_type, d.party) for d in (before, doc) if d}:
		if party_type != "Customer" or not party or not customer_is_controlled(party):
			continue
		if not may_write_directly():
			refuse([BANK_ACCOUNTS], party)
		log_changes(
			party, [(BANK_ACCOUNTS, bank_line(before), "" if method == "on_trash" else bank_line(doc))]
		)


def bank_line(account: Document | None) -> str:
	return f"{account.bank} {account.bank_account_no or ''}".strip() if account else ""


def hold_outgoing_payment(doc: Document, method: str | None = None) -> None:
	"""Payment Entry validate: no money goes out to a customer whose bank accounts or tax ID are being changed."""
	if doc.payment_type != "Pay" or doc.party_type != "Customer" or not doc.party:
		return
	if not get_settings().hold_payments_during_change:
		return
	request = holding_request(doc.party)
	if request:
		frappe.throw(
			_(
				"Payments to customer {0} are on hold while change request {1} changes its bank accounts or tax ID"
			).format(frappe.bold(doc.party), frappe.bold(request)),
			PaymentHeldError,
		)
