"""Customers and contacts as years of typing without rules left them: rows written straight to the tables, with no
hook of this app or of ERPNext, the way they stand on a site before the app is installed."""

import frappe
from frappe.utils import now_datetime

from customer_onboarding.tests.utils import unique_code


def legacy_customer(**values) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Customer",
			"customer_name": f"旧客户 {unique_code()}",
			"customer_type": "Company",
			"customer_group": "All Customer Groups",
			"territory": "All Territories",
			**values,
		}
	)
	doc.name = f"LEGACY-{unique_code(8)}"
	doc.customer_code = doc.name
	doc.workflow_state = "Enabled"
	stamp(doc)
	doc.db_insert()
	return doc.name


def legacy_contact(customer: str, phones=(), emails=()) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": f"联系人{unique_code()}",
			"links": [{"link_doctype": "Customer", "link_name": customer}],
			"phone_nos": [{"phone": phone} for phone in phones],
			"email_ids": [{"email_id": email} for email in emails],
		}
	)
	doc.name = f"LEGACY-CONTACT-{unique_code(8)}"
	stamp(doc)
	doc.db_insert()
	for row in doc.get_all_children():
		row.parent = doc.name
		stamp(row)
		row.db_insert()
	return doc.name


def stamp(doc) -> None:
	doc.creation = doc.modified = now_datetime()
	doc.owner = doc.modified_by = "Administrator"
