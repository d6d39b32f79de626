"""Customer Change History: every change of a sensitive field, with who asked, who approved, when, and the request."""

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from customer_onboarding.change_requests.history import LOG


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	log = frappe.qb.DocType(LOG)
	query = (
		frappe.qb.from_(log)
		.select(
			log.changed_on,
			log.customer,
			log.label,
			log.fieldname,
			log.old_value,
			log.new_value,
			log.source,
			log.change_request,
			log.requested_by,
			log.requested_on,
			log.approved_by,
		)
		.orderby(log.changed_on, order=frappe.qb.desc)
	)
	if filters.customer:
		query = query.where(log.customer == filters.customer)
	if filters.fieldname:
		query = query.where(log.fieldname == filters.fieldname)
	if filters.user:
		query = query.where((log.requested_by == filters.user) | (log.approved_by == filters.user))
	if filters.from_date:
		query = query.where(log.changed_on >= getdate(filters.from_date))
	if filters.to_date:
		query = query.where(log.changed_on < add_days(getdate(filters.to_date), 1))
	readable = set(frappe.get_list("Customer", pluck="name", limit_page_length=0))
	rows = [row for row in query.run(as_dict=True) if row.customer in readable]
	for row in rows:
		row.source = _(row.source)
	return columns(), rows


def columns() -> list[dict]:
	return [
		{"fieldname": "changed_on", "label": _("Changed On"), "fieldtype": "Datetime", "width": 160},
		{
			"fieldname": "customer",
			"label": _("Customer"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 140,
		},
		{"fieldname": "label", "label": _("Field"), "fieldtype": "Data", "width": 140},
		{"fieldname": "old_value", "label": _("Old Value"), "fieldtype": "Data", "width": 180},
		{"fieldname": "new_value", "label": _("New Value"), "fieldtype": "Data", "width": 180},
		{"fieldname": "source", "label": _("Source"), "fieldtype": "Data", "width": 110},
		{
			"fieldname": "change_request",
			"label": _("Change Request"),
			"fieldtype": "Link",
			"options": "Customer Change Request",
			"width": 120,
		},
		{
			"fieldname": "requested_by",
			"label": _("Requested By"),
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
		{"fieldname": "requested_on", "label": _("Requested On"), "fieldtype": "Datetime", "width": 160},
		{
			"fieldname": "approved_by",
			"label": _("Approved By"),
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
	]
