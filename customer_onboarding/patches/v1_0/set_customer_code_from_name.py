"""Customers that existed before the app keep their names; each gets a code equal to that name."""

from customer_onboarding.setup.existing_customers import set_codes_from_names


def execute():
	set_codes_from_names()
