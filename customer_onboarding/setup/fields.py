from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from customer_onboarding.setup.custom_fields import get_custom_fields


def make_custom_fields():
	"""Create or update our custom fields; safe to run again (install, migrate, and patches that need them)."""
	create_custom_fields(get_custom_fields(), ignore_validate=True)
