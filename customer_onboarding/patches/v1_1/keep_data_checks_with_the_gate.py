"""Before *Check customer data on save* existed, data was checked only while approval was required. An upgraded
site keeps what it had; new sites start with the checks on."""

import frappe

from customer_onboarding.settings import SETTINGS


def execute():
	require_approval = frappe.db.get_single_value(SETTINGS, "require_approval")
	frappe.db.set_single_value(SETTINGS, "check_data_on_save", 1 if require_approval else 0)
