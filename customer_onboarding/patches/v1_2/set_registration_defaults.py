"""Sites installed before the self-registration page get its limits; the page stays closed until an owner is set."""

import frappe

from customer_onboarding.registration.gate import REGISTRATION_DEFAULTS
from customer_onboarding.settings import SETTINGS


def execute():
	for fieldname, value in REGISTRATION_DEFAULTS.items():
		if not frappe.db.get_single_value(SETTINGS, fieldname):
			frappe.db.set_single_value(SETTINGS, fieldname, value)
