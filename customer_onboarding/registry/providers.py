"""Business Registry Providers as the checks use them."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.registry import (
	DEFAULT_ACTIVE_STATUSES,
	DEFAULT_DEREGISTERED_STATUSES,
	RegistrySetupError,
	parse_mapping,
	request_path,
)
from customer_onboarding.exceptions import RegistryError
from customer_onboarding.utils.cache import cached, forget

PROVIDER = "Business Registry Provider"
PROVIDER_CACHE_KEY = "customer_onboarding:has_provider"
REGISTRY_DEFAULTS = {"registry_check_days": 30}
SETUP_MESSAGES = {
	"no_uscc_token": lambda: _("The request template must contain {0}").format(frappe.bold("{uscc}")),
	"mapping_not_json": lambda: _("The response mapping is not valid JSON"),
	"mapping_not_paths": lambda: _(
		"The response mapping must be a JSON object whose values are dotted paths, such as data.name"
	),
	"mapping_unknown_fact": lambda: _(
		"The response mapping may only name registered_name, status, legal_representative, registered_address, registered_capital and establishment_date"
	),
	"mapping_needs_name": lambda: _("The response mapping must say where registered_name is"),
}


def default_provider() -> Document:
	name = frappe.db.get_value(PROVIDER, {"enabled": 1, "is_default": 1}) or frappe.db.get_value(
		PROVIDER, {"enabled": 1}
	)
	if not name:
		frappe.throw(_("No business registry provider is set up and enabled"), RegistryError)
	return frappe.get_doc(PROVIDER, name)


def has_provider() -> bool:
	return cached(PROVIDER_CACHE_KEY, lambda: bool(frappe.db.exists(PROVIDER, {"enabled": 1})))


def forget_providers() -> None:
	forget(PROVIDER_CACHE_KEY)


def check_setup(provider: Document) -> None:
	"""A translated error for a template or mapping that cannot work."""
	try:
		request_path(provider.request_template, "0")
		parse_mapping(provider.response_mapping)
	except RegistrySetupError as error:
		frappe.throw(SETUP_MESSAGES[str(error)](), RegistryError, title=_("Invalid provider setup"))


def status_words(provider: Document) -> tuple[tuple[str, ...], tuple[str, ...]]:
	"""The words of active and of deregistered statuses, the documented defaults where left empty."""
	return (
		lines(provider.active_statuses) or DEFAULT_ACTIVE_STATUSES,
		lines(provider.deregistered_statuses) or DEFAULT_DEREGISTERED_STATUSES,
	)


def lines(text: str | None) -> tuple[str, ...]:
	return tuple(line.strip() for line in (text or "").splitlines() if line.strip())
