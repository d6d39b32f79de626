"""Customers that existed before the app keep their names; each gets a code equal to that name."""

import frappe

from customer_onboarding.setup.fields import make_custom_fields


def execute():
	make_custom_fields()
	customer = frappe.qb.DocType("Customer")
	(
		frappe.qb.update(customer)
		.set(customer.customer_code, customer.name)
		.where(customer.customer_code.isnull() | (customer.customer_code == ""))
	).run()
