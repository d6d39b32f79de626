import frappe


class CustomerDataError(frappe.ValidationError):
	"""Customer data that breaks one of the onboarding rules."""


class CustomerCodeLockedError(frappe.ValidationError):
	"""An attempt to change a customer's code by hand."""


class OnboardingStateError(frappe.ValidationError):
	"""A move between onboarding states that the rules do not allow."""


class FollowUpLockedError(frappe.PermissionError):
	"""A saved follow-up changed by someone other than its author."""


class CreditDaysExceededError(frappe.ValidationError):
	"""A sale to a customer whose invoices are overdue beyond their credit days."""


class ArgumentTooLargeError(frappe.ValidationError):
	"""An argument of a whitelisted method longer or larger than any real value."""


class ChangeRequestError(frappe.ValidationError):
	"""A change request, or a change that needs one, against the rules."""


class StaleChangeRequestError(ChangeRequestError):
	"""A request whose recorded current values no longer match the customer."""


class PaymentHeldError(frappe.ValidationError):
	"""An outgoing payment to a customer whose bank accounts or tax ID are being changed."""


class RegistrationClosedError(frappe.ValidationError):
	"""A self-registration while no sales user is set to own registered customers."""


class LicenceFileError(frappe.ValidationError):
	"""A business licence file that is unreadable, too large or not a PDF, JPG or PNG."""


class RegistryError(frappe.ValidationError):
	"""A business registry lookup that could not be made."""


class RegistryUnavailableError(RegistryError):
	"""The provider did not answer in time, or answered with a server error."""


class RegistryKeyRefusedError(RegistryError):
	"""The provider refused the authentication key."""


class RegistryCheckRequiredError(frappe.ValidationError):
	"""Approval of a company without a recent registry check free of blocking mismatches."""
