"""Whether a registration is taken at all: the page is open while a sales user is set to own what comes in, one
visitor's address and the whole site may register only so many times an hour, and a form a bot filled in is
refused. The visitor's address is the one a trusted hop saw, never what the visitor wrote in a header."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_to_date, now_datetime

from customer_onboarding.core.visitor import parse_networks, visitor_address
from customer_onboarding.exceptions import RegistrationClosedError
from customer_onboarding.settings import get_settings

REGISTRATION = "Customer Registration"
REFUSAL = "Customer Registration Refusal"
WEB_FORM = "customer-registration"
ACCEPT_PATH = "/api/method/frappe.website.doctype.web_form.web_form.accept"
REGISTRATION_DEFAULTS = {
	"registration_limit_per_hour": 5,
	"registration_site_limit_per_hour": 50,
	"registration_max_file_mb": 5,
}
HONEYPOT_FIELD = "website"


def use_visitor_address() -> None:
	"""A before_request hook: on the page's submissions, Frappe's per-minute web form limit and ours see the
	visitor's address as a trusted hop saw it. Frappe takes the first value of X-Forwarded-For, which the
	visitor writes."""
	request = frappe.local.request
	if request.path != ACCEPT_PATH or frappe.form_dict.get("web_form") != WEB_FORM:
		return
	frappe.local.request_ip = visitor_address(
		request.environ.get("REMOTE_ADDR") or "",
		request.headers.get("X-Forwarded-For"),
		parse_networks(get_settings().registration_trusted_proxies),
	)


def admit(registration: Document) -> str:
	"""The sales user who will own the registered customer; refused when the page is closed, the visitor's
	address or the whole site is over its hourly limit, or a bot filled in the form."""
	owner = registration_owner()
	reason = refusal_reason(registration)
	if reason:
		keep_refusal(reason, registration.ip_address)
		frappe.throw(
			_("Too many registrations from your network in the last hour. Please try again later."),
			frappe.RateLimitExceededError,
		)
	return owner


def registration_owner() -> str:
	owner = get_settings().registration_owner
	if not owner or not frappe.db.get_value("User", owner, "enabled"):
		frappe.throw(
			_("Registration is not open at the moment. Please contact us directly."), RegistrationClosedError
		)
	return owner


def refusal_reason(registration: Document) -> str | None:
	"""Address limit, Site limit or Honeypot (the refusal log's reasons); None when the registration may go on."""
	if registration.get(HONEYPOT_FIELD):
		return "Honeypot"
	settings = get_settings()
	since = add_to_date(now_datetime(), hours=-1)
	ip_address = registration.ip_address
	if ip_address and registrations_since(since, ip_address) >= settings.registration_limit_per_hour:
		return "Address limit"
	if registrations_since(since) >= settings.registration_site_limit_per_hour:
		return "Site limit"
	return None


def registrations_since(since, ip_address: str | None = None) -> int:
	filters = {"creation": (">", since)}
	if ip_address:
		filters["ip_address"] = ip_address
	return frappe.db.count(REGISTRATION, filters)


def keep_refusal(reason: str, ip_address: str | None) -> None:
	"""The refusal rolls the request back; its log entry is written after that, in a transaction of its own."""

	def write():
		frappe.get_doc({"doctype": REFUSAL, "reason": reason, "ip_address": ip_address}).insert(
			ignore_permissions=True
		)
		frappe.db.commit()

	frappe.db.after_rollback.add(write)
