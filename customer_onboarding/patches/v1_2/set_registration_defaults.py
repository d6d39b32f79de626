"""Sites installed before the self-registration page and the registry check get their defaults; the page stays
closed until an owner is set, and approval does not wait for a registry check until the setting asks for it."""

import frappe

from customer_onboarding.registration.gate import REGISTRATION_DEFAULTS
from customer_onboarding.registry.providers import REGISTRY_DEFAULTS
from customer_onboarding.settings import SETTINGS


def execute():
	for fieldname, value in {**REGISTRATION_DEFAULTS, **REGISTRY_DEFAULTS}.items():
		if not frappe.db.get_single_value(SETTINGS, fieldname):
			frappe.db.set_single_value(SETTINGS, fieldname, value)
