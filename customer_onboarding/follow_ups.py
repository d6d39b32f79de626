"""Follow-ups of a customer (*Customer Follow Up*): who may record and change them, the customer's next
follow-up date, and the daily reminders."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, getdate, today

from customer_onboarding.core.follow_ups import FollowUp, earliest_open_date
from customer_onboarding.exceptions import FollowUpLockedError
from customer_onboarding.utils.notifications import create_todo, todo_exists

FIELDS = (
	"customer",
	"follow_up_on",
	"channel",
	"contact",
	"summary",
	"result",
	"next_step",
	"next_follow_up_date",
)
DOCTYPE = "Customer Follow Up"


def comparable(row: Document | dict, field: str):
	value = row.get(field)
	if not value:
		return None
	if field == "follow_up_on":
		return get_datetime(value)
	if field == "next_follow_up_date":
		return getdate(value)
	return str(value).strip()


def row_changed(old: Document, new: Document) -> bool:
	return any(comparable(old, field) != comparable(new, field) for field in FIELDS)


def may_change(follow_up: Document) -> bool:
	user = frappe.session.user
	return user in (follow_up.recorded_by, "Administrator") or "System Manager" in frappe.get_roles()


def refuse_unless_may_change(follow_up: Document) -> None:
	if may_change(follow_up):
		return
	frappe.throw(
		_("Only {0} or a System Manager can change or delete this follow-up").format(
			frappe.bold(follow_up.recorded_by)
		),
		FollowUpLockedError,
	)


def protect_follow_up(doc: Document) -> None:
	"""A new follow-up is recorded by the current user, on a customer they may change; a saved one changes only
	by its author or a System Manager."""
	if doc.is_new():
		frappe.has_permission("Customer", "write", doc.customer, throw=True)
		doc.recorded_by = frappe.session.user
		return
	before = doc.get_doc_before_save()
	if row_changed(before, doc) or doc.recorded_by != before.recorded_by:
		refuse_unless_may_change(before)
		doc.recorded_by = before.recorded_by


def update_next_follow_up_date(customer: str) -> None:
	"""The customer's next follow-up date: the earliest planned date that no later follow-up has closed."""
	rows = frappe.get_all(DOCTYPE, {"customer": customer}, ["follow_up_on", "next_follow_up_date"])
	follow_ups = [
		FollowUp(get_datetime(row.follow_up_on), comparable(row, "next_follow_up_date")) for row in rows
	]
	frappe.db.set_value(
		"Customer", customer, "next_follow_up_date", earliest_open_date(follow_ups), update_modified=False
	)


def recent_follow_ups(customer: str, limit: int = 10) -> list[dict]:
	"""The customer's latest follow-ups that the user may read, newest first."""
	return frappe.get_list(
		DOCTYPE,
		filters={"customer": customer},
		fields=["name", "follow_up_on", "channel", "summary", "result", "next_follow_up_date", "recorded_by"],
		order_by="follow_up_on desc",
		limit=limit,
	)


def record_follow_up(customer: str, summary: str, values: dict) -> str | None:
	fields = {field: values.get(field) for field in FIELDS if field != "customer" and values.get(field)}
	frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"customer": customer,
			"follow_up_on": frappe.utils.now_datetime(),
			**fields,
			"summary": summary,
		}
	).insert()
	next_date = frappe.db.get_value("Customer", customer, "next_follow_up_date")
	return next_date and str(next_date)


def create_due_follow_up_todos() -> None:
	"""Daily: one ToDo for the account manager per customer whose next follow-up date has come."""
	due = frappe.get_all(
		"Customer",
		# Frappe compares an empty date as 0001-01-01, so "is set" keeps customers without a date out.
		filters=[
			["next_follow_up_date", "is", "set"],
			["next_follow_up_date", "<=", today()],
			["account_manager", "is", "set"],
		],
		fields=["name", "customer_name", "account_manager", "next_follow_up_date"],
	)
	for customer in due:
		remind_account_manager(customer)


def remind_account_manager(customer: dict) -> None:
	reference = ("Customer", customer.name)
	date = str(customer.next_follow_up_date)
	if todo_exists(reference, customer.account_manager, date=date):
		return
	description = _("Follow up customer {0} (planned for {1})").format(customer.customer_name, date)
	create_todo(reference, customer.account_manager, description, date)
