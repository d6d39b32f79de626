"""Customers that existed before the app keep their names and stay usable. Install and the v1_0 patches run
these; both are safe to run again, as they touch only customers without a code or a state."""

import frappe

from customer_onboarding.constants import DISABLED, ENABLED
from customer_onboarding.setup.fields import make_custom_fields


def set_codes_from_names() -> None:
	"""Each customer without a code gets a code equal to its name."""
	make_custom_fields()
	customer = frappe.qb.DocType("Customer")
	(
		frappe.qb.update(customer)
		.set(customer.customer_code, customer.name)
		.where(customer.customer_code.isnull() | (customer.customer_code == ""))
	).run()


def set_states_of_existing() -> None:
	"""Each customer without a state becomes Enabled, or Disabled if it was disabled."""
	make_custom_fields()
	customer = frappe.qb.DocType("Customer")
	without_state = customer.workflow_state.isnull() | (customer.workflow_state == "")
	for disabled, state in ((0, ENABLED), (1, DISABLED)):
		(
			frappe.qb.update(customer)
			.set(customer.workflow_state, state)
			.where(without_state & (customer.disabled == disabled))
		).run()
