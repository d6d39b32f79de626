"""Customers that existed before the app stay usable: Enabled, or Disabled if they were disabled."""

from customer_onboarding.setup.existing_customers import set_states_of_existing


def execute():
	set_states_of_existing()
