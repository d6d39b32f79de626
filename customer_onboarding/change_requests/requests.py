"""Customer Change Requests: what they propose, when they may be submitted and approved, and how they apply.

A request records the current value of every sensitive field when it is made (or refreshed) and the proposed
value beside it. It is checked at submission by applying it to the customer inside a savepoint that is rolled
back, so the proposed values meet exactly the customer's own validation. Approval applies it for real, in the
same transaction as the approval, unless it carries a later effective date; the scheduler applies those.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, getdate, now_datetime, today

from customer_onboarding.change_requests.fields import (
	bank_accounts_of,
	current_values,
	field_label,
	is_controlled,
	sensitive_fields,
)
from customer_onboarding.change_requests.history import log_changes
from customer_onboarding.constants import APPROVED, DRAFT, PENDING_REVIEW, REJECTED
from customer_onboarding.core.change_requests import (
	BANK_ACCOUNTS,
	CREDIT_LIMITS,
	PAYMENT_HOLD_FIELDS,
	TABLES,
	as_text,
	credit_limit_text,
	moved_fields,
)
from customer_onboarding.exceptions import ChangeRequestError, StaleChangeRequestError
from customer_onboarding.utils.notifications import notify

REQUEST = "Customer Change Request"
OPEN_STATES = (DRAFT, PENDING_REVIEW)
CREDIT_LIMIT_FIELDS = ("company", "credit_limit", "bypass_credit_limit_check")


def open_request(customer: str, exclude: str | None = None) -> str | None:
	"""The customer's request not yet closed: in Draft or Pending Review, or approved and waiting for its date."""
	filters = {"customer": customer, "name": ["!=", exclude or ""]}
	waiting = frappe.get_all(REQUEST, {**filters, "workflow_state": ["in", OPEN_STATES]}, pluck="name")
	waiting += frappe.get_all(
		REQUEST, {**filters, "workflow_state": APPROVED, "applied_on": ["is", "not set"]}, pluck="name"
	)
	return waiting[0] if waiting else None


def proposed_rows(customer: Document) -> list[dict]:
	"""One row per sensitive field, its current value proposed unchanged."""
	return [
		{
			"fieldname": f,
			"label": field_label(f),
			"current_value": value,
			"proposed_value": value,
			"changed": 0,
		}
		for f, value in current_values(customer).items()
	]


# Checks run by the controller ------------------------------------------------------------------------------


def prepare_new_request(doc: Document) -> None:
	customer = frappe.get_doc("Customer", doc.customer)
	if not frappe.has_permission("Customer", "write", doc=customer):
		frappe.throw(
			_("You may not change customer {0}").format(frappe.bold(doc.customer)), frappe.PermissionError
		)
	if not is_controlled(customer):
		frappe.throw(
			_("Customer {0} is not enabled: edit it directly").format(frappe.bold(doc.customer)),
			ChangeRequestError,
		)
	record_current_values(doc, customer)
	if not doc.credit_limits and CREDIT_LIMITS in sensitive_fields():
		doc.set("credit_limits", [{f: r.get(f) for f in CREDIT_LIMIT_FIELDS} for r in customer.credit_limits])


def record_current_values(doc: Document, customer: Document) -> None:
	"""Current values always come from the customer, never from the user; proposals typed are kept. A request
	may also carry other fields of the customer (an import row changes them together)."""
	typed = {row.fieldname: row.proposed_value for row in doc.items}
	extra = [f for f in typed if f not in sensitive_fields() and customer.meta.has_field(f)]
	rows = proposed_rows(customer) + [
		{"fieldname": f, "label": field_label(f), "current_value": as_text(customer.get(f)), "changed": 0}
		for f in extra
	]
	for row in rows:
		if row["fieldname"] in typed and row["fieldname"] not in TABLES:
			row["proposed_value"] = typed[row["fieldname"]]
	doc.set("items", rows)
	doc.customer_modified = customer.modified


def values_now(doc: Document, customer: Document) -> dict[str, str]:
	"""The customer's values of now for every row of the request."""
	values = current_values(customer)
	return values | {
		row.fieldname: as_text(customer.get(row.fieldname))
		for row in doc.items
		if row.fieldname not in values
	}


def keep_recorded_values(doc: Document) -> None:
	"""After creation, the recorded current values change only by a refresh."""
	before = doc.get_doc_before_save()
	recorded = {row.fieldname: row.current_value for row in before.items} if before else {}
	for row in doc.items:
		row.current_value = recorded.get(row.fieldname, row.current_value)


def refuse_second_open_request(doc: Document) -> None:
	other = open_request(doc.customer, exclude=doc.name)
	if other:
		frappe.throw(
			_("Customer {0} already has an open change request {1}: finish or reject it first").format(
				frappe.bold(doc.customer), frappe.bold(other)
			),
			ChangeRequestError,
		)


def mark_changes(doc: Document) -> None:
	"""Proposals of the two tables are derived from their own tables; each row says whether it changes."""
	for row in doc.items:
		if row.fieldname == CREDIT_LIMITS:
			row.proposed_value = credit_limit_text(doc.credit_limits)
		elif row.fieldname == BANK_ACCOUNTS:
			row.proposed_value = bank_changes_text(doc)
		row.changed = int(
			bool(doc.bank_accounts)
			if row.fieldname == BANK_ACCOUNTS
			else as_text(row.proposed_value) != as_text(row.current_value)
		)


def bank_changes_text(doc: Document) -> str:
	return "\n".join(
		" ".join(filter(None, (_(row.action), row.bank_account, row.bank, row.bank_account_no)))
		for row in doc.bank_accounts
	)


def changes(doc: Document) -> list:
	return [row for row in doc.items if row.changed]


def check_submission(doc: Document) -> None:
	if not changes(doc):
		frappe.throw(_("The request proposes no change"), ChangeRequestError)
	check_by_applying(doc)


def check_approval(doc: Document) -> None:
	refuse_self_approval(doc)
	moved = moved_since_recorded(doc)
	if moved:
		frappe.throw(
			_(
				"Customer {0} changed since this request was made ({1}): refresh the request before approving it"
			).format(frappe.bold(doc.customer), ", ".join(field_label(f) for f in moved)),
			StaleChangeRequestError,
		)
	check_by_applying(doc)


def refuse_self_approval(doc: Document) -> None:
	if frappe.session.user not in ("Administrator", None) and frappe.session.user == doc.owner:
		frappe.throw(
			_("You made this change request, so another reviewer must review it"), ChangeRequestError
		)


def moved_since_recorded(doc: Document) -> list[str]:
	recorded = {row.fieldname: row.current_value for row in doc.items}
	return moved_fields(recorded, values_now(doc, frappe.get_doc("Customer", doc.customer)))


def check_by_applying(doc: Document) -> None:
	"""The customer's own validation decides: the request is applied inside a savepoint and rolled back."""
	frappe.db.savepoint("change_request_check")
	try:
		write_changes(doc)
	finally:
		frappe.db.rollback(save_point="change_request_check")
		frappe.clear_document_cache("Customer", doc.customer)


# Applying --------------------------------------------------------------------------------------------------


def is_due(doc: Document) -> bool:
	return not doc.effective_date or getdate(doc.effective_date) <= getdate(today())


def apply_change_request(doc: Document) -> None:
	"""Write every proposed value in this transaction, record each change, and close the request."""
	before = current_values(frappe.get_doc("Customer", doc.customer))
	write_changes(doc)
	after = current_values(frappe.get_doc("Customer", doc.customer))
	log_changes(doc.customer, [(f, before[f], after[f]) for f in before if before[f] != after[f]], doc)
	doc.db_set("applied_on", now_datetime(), notify=True)


def write_changes(doc: Document) -> None:
	customer = frappe.get_doc("Customer", doc.customer)
	for row in changes(doc):
		if row.fieldname not in TABLES:
			customer.set(row.fieldname, typed_value(row.fieldname, row.proposed_value))
	if any(row.fieldname == CREDIT_LIMITS for row in changes(doc)):
		customer.set("credit_limits", [{f: r.get(f) for f in CREDIT_LIMIT_FIELDS} for r in doc.credit_limits])
	customer.last_change_request = doc.name
	customer.flags.change_request = doc.name
	# The Version of this save names the request (last_change_request); Frappe skips versions in tests by default.
	customer.save(ignore_permissions=True, ignore_version=False)
	write_bank_accounts(doc, customer)


def typed_value(fieldname: str, text: str | None):
	df = frappe.get_meta("Customer").get_field(fieldname)
	text = as_text(text)
	if df and df.fieldtype in ("Int", "Check"):
		return cint(text)
	if df and df.fieldtype in ("Float", "Currency", "Percent"):
		return flt(text)
	return text or None


def write_bank_accounts(doc: Document, customer: Document) -> None:
	owned = {account.name for account in bank_accounts_of(customer.name)}
	for row in doc.bank_accounts:
		if row.action != "Add" and row.bank_account not in owned:
			frappe.throw(
				_("Row {0}: bank account {1} does not belong to customer {2}").format(
					row.idx, frappe.bold(row.bank_account or ""), frappe.bold(customer.name)
				),
				ChangeRequestError,
			)
		if row.action == "Remove":
			account = frappe.get_doc("Bank Account", row.bank_account)
			account.flags.change_request = doc.name
			account.delete(ignore_permissions=True)
			continue
		account = (
			frappe.new_doc("Bank Account")
			if row.action == "Add"
			else frappe.get_doc("Bank Account", row.bank_account)
		)
		account.update(
			{
				"account_name": row.account_name or account.account_name or customer.customer_name,
				"bank": row.bank or account.bank,
				"bank_account_no": row.bank_account_no or account.bank_account_no,
				"branch_code": row.branch_code or account.branch_code,
				"is_default": row.is_default,
				"party_type": "Customer",
				"party": customer.name,
			}
		)
		account.flags.change_request = doc.name
		account.save(ignore_permissions=True)


def refresh(doc: Document) -> list[str]:
	"""Take the customer's values of now as current, keep what was proposed, and say which fields moved."""
	customer = frappe.get_doc("Customer", doc.customer)
	now_values = values_now(doc, customer)
	recorded = {row.fieldname: row.current_value for row in doc.items}
	moved = moved_fields(recorded, now_values)
	for row in doc.items:
		if as_text(row.proposed_value) == as_text(row.current_value):
			row.proposed_value = now_values.get(row.fieldname, row.proposed_value)
		row.current_value = now_values.get(row.fieldname, row.current_value)
	doc.customer_modified = customer.modified
	doc.moved_fields = "\n".join(
		f"{field_label(f)}: {recorded.get(f) or '-'} → {now_values.get(f) or '-'}" for f in moved
	)
	doc.flags.refreshing = True
	doc.save()
	return moved


def apply_due_change_requests() -> None:
	"""Daily: approved requests whose effective date has come."""
	due = frappe.get_all(
		REQUEST,
		{"workflow_state": APPROVED, "applied_on": ["is", "not set"], "effective_date": ["<=", today()]},
		pluck="name",
	)
	for name in due:
		doc = frappe.get_doc(REQUEST, name)
		if moved := moved_since_recorded(doc):
			close_stale_request(doc, moved)
		else:
			apply_change_request(doc)
		frappe.db.commit()


def close_stale_request(doc: Document, moved: list[str]) -> None:
	"""A scheduled request whose fields changed after it was approved (a System Manager's direct edit, say) is
	not written over those changes: it is closed as Rejected, and its maker and approver are told why."""
	reason = _(
		"Not applied on its effective date: customer {0} changed since the request was made ({1}). Make a new request if the change is still wanted."
	).format(doc.customer, ", ".join(field_label(f) for f in moved))
	doc.db_set({"workflow_state": REJECTED, "review_comment": reason}, notify=True)
	doc.add_comment("Comment", reason)
	for user in {doc.owner, doc.approved_by}:
		notify(user, doc, reason)


def holding_request(customer: str) -> str | None:
	"""The open request that changes the customer's bank accounts or tax ID, if any."""
	name = open_request(customer)
	if not name:
		return None
	doc = frappe.get_doc(REQUEST, name)
	return name if any(row.fieldname in PAYMENT_HOLD_FIELDS for row in changes(doc)) else None
