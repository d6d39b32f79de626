"""The documented defaults of *Customer Onboarding Settings*, given once at first install."""

import frappe

from customer_onboarding.core.change_requests import DEFAULT_SENSITIVE_FIELDS
from customer_onboarding.core.required import DEFAULT_MATRIX
from customer_onboarding.core.tax_id import SCHEME_CN_USCC
from customer_onboarding.registration.gate import REGISTRATION_DEFAULTS
from customer_onboarding.registry.providers import REGISTRY_DEFAULTS
from customer_onboarding.settings import SETTINGS


def apply_default_settings():
	"""First install: the documented defaults. A reinstall keeps what the site already chose."""
	if frappe.db.exists("Singles", {"doctype": SETTINGS}):
		return
	settings = frappe.get_single(SETTINGS)
	settings.update(
		{
			"use_code_as_name": 1,
			"require_approval": 1,
			"check_data_on_save": 1,
			"tax_id_scheme": SCHEME_CN_USCC,
			"check_contact_details": 1,
			"default_phone_region": "CN",
			"duplicate_name_threshold": 90,
			"sensitive_fields": "\n".join(DEFAULT_SENSITIVE_FIELDS),
			"hold_payments_during_change": 1,
			"stale_after_months": 12,
			**REGISTRATION_DEFAULTS,
			**REGISTRY_DEFAULTS,
		}
	)
	for customer_type, fieldname in DEFAULT_MATRIX:
		settings.append("required_fields", {"customer_type": customer_type, "fieldname": fieldname})
	settings.save(ignore_permissions=True)
