"""Credit days on Sales Order and Sales Invoice submit, next to ERPNext's own credit limit check."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, fmt_money, getdate

from customer_onboarding.constants import CREDIT_CONTROLLER
from customer_onboarding.core.credit import OpenInvoice, oldest_overdue, overdue_since
from customer_onboarding.exceptions import CreditDaysExceededError


def check_credit_days(doc: Document, method: str | None = None) -> None:
	credit_days = frappe.db.get_value("Customer", doc.customer, "credit_days")
	if not credit_days:
		return
	invoice = oldest_overdue(open_invoices(doc.customer, exclude=doc.name), credit_days, getdate())
	if not invoice:
		return
	if may_override(doc):
		record_override(doc, invoice)
		return
	refuse(doc, invoice, credit_days)


def open_invoices(customer: str, exclude: str | None = None) -> list[OpenInvoice]:
	invoice = frappe.qb.DocType("Sales Invoice")
	rows = (
		frappe.qb.from_(invoice)
		.select(invoice.name, invoice.posting_date, invoice.outstanding_amount, invoice.currency)
		.where(
			(invoice.customer == customer)
			& (invoice.docstatus == 1)
			& (invoice.outstanding_amount > 0)
			& (invoice.name != (exclude or ""))
		)
		.run(as_dict=True)
	)
	return [OpenInvoice(r.name, getdate(r.posting_date), flt(r.outstanding_amount), r.currency) for r in rows]


def may_override(doc: Document) -> bool:
	return bool((doc.get("credit_override_reason") or "").strip()) and CREDIT_CONTROLLER in frappe.get_roles()


def describe(invoice: OpenInvoice, credit_days: int) -> str:
	return _("{0} of {1}, overdue since {2}").format(
		frappe.bold(invoice.name),
		frappe.bold(fmt_money(invoice.outstanding_amount, currency=invoice.currency)),
		frappe.utils.formatdate(overdue_since(invoice, credit_days)),
	)


def refuse(doc: Document, invoice: OpenInvoice, credit_days: int) -> None:
	frappe.throw(
		_(
			"Customer {0} has an invoice unpaid beyond its {1} credit days: {2}. A Credit Controller can override this by giving a reason in {3}."
		).format(
			frappe.bold(doc.customer_name or doc.customer),
			credit_days,
			describe(invoice, credit_days),
			frappe.bold(_("Credit Override Reason")),
		),
		CreditDaysExceededError,
		title=_("Credit Days Exceeded"),
	)


def record_override(doc: Document, invoice: OpenInvoice) -> None:
	doc.add_comment(
		"Comment",
		_("Credit days overridden by {0} despite overdue invoice {1}. Reason: {2}").format(
			frappe.session.user, invoice.name, doc.credit_override_reason
		),
	)
