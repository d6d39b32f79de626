"""Old codes against new ones, for the rest of a migration (open invoices, balances): every customer that has a
legacy code, exported from the report's menu."""

import frappe
from frappe import _
from frappe.utils.nestedset import get_descendants_of


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	return columns(), customers_with_legacy_codes(filters)


def columns() -> list[dict]:
	return [
		{"fieldname": "legacy_code", "label": _("Legacy Code"), "fieldtype": "Data", "width": 140},
		{"fieldname": "customer_code", "label": _("Customer Code"), "fieldtype": "Data", "width": 140},
		{"fieldname": "customer_name", "label": _("Customer Name"), "fieldtype": "Data", "width": 220},
		{
			"fieldname": "customer",
			"label": _("Customer"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 160,
		},
		{"fieldname": "tax_id", "label": _("Tax ID"), "fieldtype": "Data", "width": 170},
		# Data, not Link: a link column makes the report ask for read access to the linked doctype.
		{"fieldname": "customer_group", "label": _("Customer Group"), "fieldtype": "Data", "width": 130},
		{"fieldname": "territory", "label": _("Territory"), "fieldtype": "Data", "width": 120},
		{"fieldname": "workflow_state", "label": _("Onboarding State"), "fieldtype": "Data", "width": 130},
	]


def customers_with_legacy_codes(filters: frappe._dict) -> list[dict]:
	customer = frappe.qb.DocType("Customer")
	query = (
		frappe.qb.from_(customer)
		.select(
			customer.legacy_code,
			customer.customer_code,
			customer.customer_name,
			customer.name.as_("customer"),
			customer.tax_id,
			customer.customer_group,
			customer.territory,
			customer.workflow_state,
		)
		.where(customer.legacy_code.isnotnull() & (customer.legacy_code != ""))
		.orderby(customer.legacy_code)
	)
	if filters.legacy_code:
		query = query.where(customer.legacy_code.like(f"%{filters.legacy_code.strip()}%"))
	for doctype, field in (("Customer Group", "customer_group"), ("Territory", "territory")):
		if filters.get(field):
			query = query.where(
				customer[field].isin([filters[field], *get_descendants_of(doctype, filters[field])])
			)
	return query.run(as_dict=True)
