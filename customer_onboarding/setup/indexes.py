"""The app's indexes on ERPNext's tables, and the one of earlier versions that goes."""

import frappe

from customer_onboarding.setup.fields import toggle_customer_property
from customer_onboarding.stocktake.analysis import STOCKTAKE_INDEX, STOCKTAKE_INDEX_FIELDS


def drop_tax_id_index() -> None:
	"""Versions before the match keys indexed Customer's tax ID; lookups now go through the key table."""
	toggle_customer_property("search_index", False, field_name="tax_id")
	frappe.db.updatedb("Customer")


def index_sales_invoices(on: bool) -> None:
	"""The stocktake reads every invoice's customer, date and amount: a covering index lets it read them from the
	index alone instead of the whole, wide Sales Invoice rows."""
	if on:
		frappe.db.add_index("Sales Invoice", list(STOCKTAKE_INDEX_FIELDS), STOCKTAKE_INDEX)
	elif frappe.db.has_index("tabSales Invoice", STOCKTAKE_INDEX):
		frappe.db.sql_ddl(f"alter table `tabSales Invoice` drop index `{STOCKTAKE_INDEX}`")
