import frappe


class CustomerDataError(frappe.ValidationError):
	"""Customer data that breaks one of the onboarding rules."""


class CustomerCodeLockedError(frappe.ValidationError):
	"""An attempt to change a customer's code by hand."""
