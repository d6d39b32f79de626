"""Sites installed before change requests get the default sensitive fields and the payment hold."""

import frappe

from customer_onboarding.core.change_requests import DEFAULT_SENSITIVE_FIELDS
from customer_onboarding.settings import SETTINGS


def execute():
	if not frappe.db.get_single_value(SETTINGS, "sensitive_fields"):
		frappe.db.set_single_value(SETTINGS, "sensitive_fields", "\n".join(DEFAULT_SENSITIVE_FIELDS))
		frappe.db.set_single_value(SETTINGS, "hold_payments_during_change", 1)
