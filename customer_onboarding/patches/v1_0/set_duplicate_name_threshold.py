"""Sites installed before the similar-name warning get its default threshold."""

import frappe

from customer_onboarding.settings import SETTINGS


def execute():
	if not frappe.db.get_single_value(SETTINGS, "duplicate_name_threshold"):
		frappe.db.set_single_value(SETTINGS, "duplicate_name_threshold", 90)
