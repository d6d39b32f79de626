"""Sites installed before change requests and stocktakes get the defaults of their settings."""

import frappe

from customer_onboarding.core.change_requests import DEFAULT_SENSITIVE_FIELDS
from customer_onboarding.settings import SETTINGS


def execute():
	if not frappe.db.get_single_value(SETTINGS, "sensitive_fields"):
		frappe.db.set_single_value(SETTINGS, "sensitive_fields", "\n".join(DEFAULT_SENSITIVE_FIELDS))
		frappe.db.set_single_value(SETTINGS, "hold_payments_during_change", 1)
	if not frappe.db.get_single_value(SETTINGS, "stale_after_months"):
		frappe.db.set_single_value(SETTINGS, "stale_after_months", 12)
