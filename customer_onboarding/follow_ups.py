"""Follow-up records on a customer: who may change them, the next date, and the daily reminders."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, getdate, today

from customer_onboarding.core.follow_ups import FollowUp, earliest_open_date
from customer_onboarding.exceptions import FollowUpLockedError
from customer_onboarding.utils.notifications import create_todo, todo_exists

FIELDS = ("follow_up_on", "channel", "contact", "summary", "result", "next_step", "next_follow_up_date")


def comparable(row: Document, field: str):
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


def may_change(row: Document) -> bool:
	user = frappe.session.user
	return user in (row.recorded_by, "Administrator") or "System Manager" in frappe.get_roles()


def refuse_change_of(row: Document) -> None:
	frappe.throw(
		_("Row {0}: only {1} or a System Manager can change or delete this follow-up").format(
			row.idx, frappe.bold(row.recorded_by)
		),
		FollowUpLockedError,
	)


def protect_follow_ups(doc: Document) -> None:
	"""New rows are recorded by the current user; saved rows change only by their author or a System Manager."""
	before = doc.get_doc_before_save()
	saved = {row.name: row for row in (before.follow_ups if before else [])}
	for row in doc.follow_ups:
		old = saved.pop(row.name, None)
		if old is None:
			row.recorded_by = frappe.session.user
		elif row_changed(old, row) or row.recorded_by != old.recorded_by:
			if not may_change(old):
				refuse_change_of(old)
			row.recorded_by = old.recorded_by
	for removed in saved.values():
		if not may_change(removed):
			refuse_change_of(removed)


def set_next_follow_up_date(doc: Document) -> None:
	rows = [
		FollowUp(get_datetime(row.follow_up_on), comparable(row, "next_follow_up_date"))
		for row in doc.follow_ups
	]
	doc.next_follow_up_date = earliest_open_date(rows)


def record_follow_up(customer: str, summary: str, values: dict) -> str | None:
	doc = frappe.get_doc("Customer", customer)
	doc.check_permission("write")
	row = {field: values.get(field) for field in FIELDS if values.get(field)}
	doc.append("follow_ups", {"follow_up_on": frappe.utils.now_datetime(), **row, "summary": summary})
	doc.save()
	return doc.next_follow_up_date and str(doc.next_follow_up_date)


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
