"""Credit days: a customer with an invoice unpaid past its credit days gets no new sales."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class OpenInvoice:
	name: str
	posting_date: date
	outstanding_amount: float
	currency: str = ""


def overdue_since(invoice: OpenInvoice, credit_days: int) -> date:
	return invoice.posting_date + timedelta(days=credit_days)


def oldest_overdue(invoices: Iterable[OpenInvoice], credit_days: int, today: date) -> OpenInvoice | None:
	"""The oldest unpaid invoice whose posting date plus credit days is before today, if any."""
	overdue = [
		invoice
		for invoice in invoices
		if invoice.outstanding_amount > 0 and overdue_since(invoice, credit_days) < today
	]
	return min(overdue, key=lambda invoice: (invoice.posting_date, invoice.name), default=None)
