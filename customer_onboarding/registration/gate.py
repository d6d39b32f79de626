"""Whether a registration is taken at all: the page is open while a sales user is set to own what comes in, and
one IP address may register only so many times an hour."""

import frappe
from frappe import _
from frappe.utils import add_to_date, now_datetime

from customer_onboarding.exceptions import RegistrationClosedError
from customer_onboarding.settings import get_settings

REGISTRATION = "Customer Registration"
REGISTRATION_DEFAULTS = {"registration_limit_per_hour": 5, "registration_max_file_mb": 5}


def admit(ip_address: str | None) -> str:
	"""The sales user who will own the registered customer; refused when the page is closed or the IP is over
	its hourly quota."""
	owner = registration_owner()
	refuse_too_many_from(ip_address)
	return owner


def registration_owner() -> str:
	owner = get_settings().registration_owner
	if not owner or not frappe.db.get_value("User", owner, "enabled"):
		frappe.throw(
			_("Registration is not open at the moment. Please contact us directly."), RegistrationClosedError
		)
	return owner


def refuse_too_many_from(ip_address: str | None) -> None:
	if not ip_address:
		return
	since = add_to_date(now_datetime(), hours=-1)
	count = frappe.db.count(REGISTRATION, {"ip_address": ip_address, "creation": (">", since)})
	if count >= get_settings().registration_limit_per_hour:
		frappe.throw(
			_("Too many registrations from your network in the last hour. Please try again later."),
			frappe.RateLimitExceededError,
		)
