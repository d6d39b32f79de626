"""Customers that existed before the app stay usable: Enabled, or Disabled if they were disabled."""

import frappe

from customer_onboarding.constants import DISABLED, ENABLED
from customer_onboarding.setup.fields import make_custom_fields


def execute():
	make_custom_fields()
	customer = frappe.qb.DocType("Customer")
	without_state = customer.workflow_state.isnull() | (customer.workflow_state == "")
	for disabled, state in ((0, ENABLED), (1, DISABLED)):
		(
			frappe.qb.update(customer)
			.set(customer.workflow_state, state)
			.where(without_state & (customer.disabled == disabled))
		).run()
