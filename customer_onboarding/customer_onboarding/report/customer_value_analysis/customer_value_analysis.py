"""Customer Value Analysis: the latest completed stocktake of a company, customer by customer, with a tier chart."""

import frappe
from frappe import _

from customer_onboarding.core.stocktake import TIERS
from customer_onboarding.stocktake.analysis import RESULT

FILTERED_FIELDS = ("territory", "customer_group", "account_manager")


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	stocktake = latest_stocktake(filters.company)
	if not stocktake:
		return columns(), [], _("No completed stocktake for this company yet"), None
	customers = {
		c.name: c
		for c in frappe.get_list(
			"Customer",
			filters={f: filters[f] for f in FILTERED_FIELDS if filters.get(f)},
			fields=["name", "customer_name", "territory", "customer_group", "account_manager"],
			limit_page_length=0,
		)
	}
	result_filters = {"stocktake": stocktake, **({"tier": filters.tier} if filters.tier else {})}
	fields = ["customer", "tier", "rfm_score", "recency_days", "frequency", "monetary", "tenure_days"]
	fields += ["last_purchase_date", "quality_score"]
	results = frappe.get_all(RESULT, filters=result_filters, fields=fields, order_by="monetary desc")
	rows = [
		{**customers[r.customer], **r, "tier_label": _(r.tier)} for r in results if r.customer in customers
	]
	return columns(), rows, _("Stocktake {0}").format(stocktake), chart(rows)


def latest_stocktake(company: str | None) -> str | None:
	filters = {"status": "Completed", **({"company": company} if company else {})}
	found = frappe.get_all("Customer Stocktake", filters, pluck="name", order_by="run_on desc", limit=1)
	return found[0] if found else None


def chart(rows: list[dict]) -> dict:
	counts = [sum(r["tier"] == tier for r in rows) for tier in TIERS]
	return {
		"data": {"labels": [_(t) for t in TIERS], "datasets": [{"name": _("Customers"), "values": counts}]},
		"type": "donut",
	}


def columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Customer"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 140,
		},
		{"fieldname": "customer_name", "label": _("Customer Name"), "fieldtype": "Data", "width": 200},
		{"fieldname": "tier_label", "label": _("Value Tier"), "fieldtype": "Data", "width": 110},
		{"fieldname": "rfm_score", "label": _("RFM Score"), "fieldtype": "Data", "width": 80},
		{"fieldname": "recency_days", "label": _("Recency (days)"), "fieldtype": "Int", "width": 100},
		{"fieldname": "frequency", "label": _("Frequency"), "fieldtype": "Int", "width": 90},
		{"fieldname": "monetary", "label": _("Monetary"), "fieldtype": "Currency", "width": 120},
		{"fieldname": "tenure_days", "label": _("Tenure (days)"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "last_purchase_date",
			"label": _("Last Purchase Date"),
			"fieldtype": "Date",
			"width": 110,
		},
		{"fieldname": "quality_score", "label": _("Data Quality Score"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "territory",
			"label": _("Territory"),
			"fieldtype": "Link",
			"options": "Territory",
			"width": 120,
		},
		{
			"fieldname": "customer_group",
			"label": _("Customer Group"),
			"fieldtype": "Link",
			"options": "Customer Group",
			"width": 120,
		},
		{
			"fieldname": "account_manager",
			"label": _("Account Manager"),
			"fieldtype": "Link",
			"options": "User",
			"width": 150,
		},
	]
