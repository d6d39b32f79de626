import frappe
from frappe import _
from frappe.utils import date_diff, getdate, today
from frappe.utils.nestedset import get_descendants_of


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	return columns(), [with_days_overdue(row, filters) for row in due_customers(filters)]


def columns() -> list[dict]:
	return [
		{
			"fieldname": "customer",
			"label": _("Customer"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 160,
		},
		{"fieldname": "customer_name", "label": _("Customer Name"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "account_manager",
			"label": _("Account Manager"),
			"fieldtype": "Link",
			"options": "User",
			"width": 180,
		},
		{
			"fieldname": "territory",
			"label": _("Territory"),
			"fieldtype": "Link",
			"options": "Territory",
			"width": 120,
		},
		{
			"fieldname": "next_follow_up_date",
			"label": _("Next Follow-up Date"),
			"fieldtype": "Date",
			"width": 130,
		},
		{"fieldname": "days_overdue", "label": _("Days Overdue"), "fieldtype": "Int", "width": 110},
	]


def due_customers(filters: frappe._dict) -> list[dict]:
	customer = frappe.qb.DocType("Customer")
	query = (
		frappe.qb.from_(customer)
		.select(
			customer.name.as_("customer"),
			customer.customer_name,
			customer.account_manager,
			customer.territory,
			customer.next_follow_up_date,
		)
		.where(customer.next_follow_up_date <= getdate(filters.as_on or today()))
		.orderby(customer.next_follow_up_date)
	)
	if filters.account_manager:
		query = query.where(customer.account_manager == filters.account_manager)
	if filters.territory:
		territories = [filters.territory, *get_descendants_of("Territory", filters.territory)]
		query = query.where(customer.territory.isin(territories))
	return query.run(as_dict=True)


def with_days_overdue(row: dict, filters: frappe._dict) -> dict:
	row["days_overdue"] = date_diff(filters.as_on or today(), row["next_follow_up_date"])
	return row
