"""Customer Onboarding Funnel: customers by onboarding state, and the median time from creation to Enabled."""

import statistics

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from customer_onboarding.constants import APPROVED, DISABLED, DRAFT, ENABLED, PENDING_REVIEW, RETURNED

STATES = (DRAFT, PENDING_REVIEW, RETURNED, APPROVED, ENABLED, DISABLED)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	customers = frappe.get_list(
		"Customer", fields=["workflow_state", "creation", "enabled_on"], limit_page_length=0
	)
	by_state = [{"state": _(s), "customers": sum(c.workflow_state == s for c in customers)} for s in STATES]
	months = median_days_to_enable(customers, filters)
	rows = [{**row, "month": None, "median_days": None} for row in by_state]
	rows += [
		{"state": None, "customers": count, "month": month, "median_days": days}
		for month, (days, count) in months.items()
	]
	return columns(), rows, None, chart(by_state)


def median_days_to_enable(customers, filters) -> dict[str, tuple[float, int]]:
	"""Per month of enabling: the median days from creation to Enabled, and how many were enabled."""
	start = getdate(filters.from_date) if filters.from_date else None
	end = add_days(getdate(filters.to_date), 1) if filters.to_date else None
	durations: dict[str, list[float]] = {}
	for c in customers:
		if (
			not c.enabled_on
			or (start and getdate(c.enabled_on) < start)
			or (end and getdate(c.enabled_on) >= end)
		):
			continue
		days = (c.enabled_on - c.creation).total_seconds() / 86400
		durations.setdefault(c.enabled_on.strftime("%Y-%m"), []).append(days)
	return {month: (round(statistics.median(d), 1), len(d)) for month, d in sorted(durations.items())}


def chart(by_state: list[dict]) -> dict:
	return {
		"data": {
			"labels": [row["state"] for row in by_state],
			"datasets": [{"name": _("Customers"), "values": [row["customers"] for row in by_state]}],
		},
		"type": "bar",
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "state", "label": _("Onboarding State"), "fieldtype": "Data", "width": 160},
		{"fieldname": "customers", "label": _("Customers"), "fieldtype": "Int", "width": 100},
		{"fieldname": "month", "label": _("Month Enabled"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "median_days",
			"label": _("Median Days to Enabled"),
			"fieldtype": "Float",
			"width": 170,
		},
	]
