"""Every existing customer gets its match keys, from its own data and its contacts'."""

from customer_onboarding.match_keys.fill import fill_match_keys


def execute():
	fill_match_keys()
