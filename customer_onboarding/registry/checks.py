"""Registry checks of customers: one lookup per code within the provider's cache lifetime, the result kept as a
Business Registry Check, and the customer's registry fields derived from it and its current values."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_days, get_datetime, now_datetime

from customer_onboarding.core.match_keys import tax_id_key
from customer_onboarding.core.registry import (
	ADDRESS_DIFFERS,
	DEREGISTERED,
	FACT_FIELDS,
	NAME_DIFFERS,
	NOT_ACTIVE,
	NOT_FOUND,
	RegistryFacts,
	is_blocking,
	is_fresh,
	mismatches,
	parse_mapping,
	read_facts,
)
from customer_onboarding.core.tax_id import ORGANISATION_TYPES
from customer_onboarding.exceptions import RegistryCheckRequiredError
from customer_onboarding.registry.client import NO_SUCH_COMPANY, fetch_answer
from customer_onboarding.registry.providers import PROVIDER, default_provider, has_provider, status_words
from customer_onboarding.settings import get_settings

CHECK = "Business Registry Check"
MISMATCH_LABELS = {
	NAME_DIFFERS: "Registered name differs",
	ADDRESS_DIFFERS: "Registered address differs",
	NOT_ACTIVE: "Not active in the registry",
	DEREGISTERED: "Deregistered or revoked",
	NOT_FOUND: "Not found in the registry",
}
REGISTRY_FIELDS = (
	"registry_check",
	"registry_provider",
	"registry_checked_on",
	"registry_mismatches",
	"registry_blocking",
)


def registry_check(provider: Document, tax_id: str) -> tuple[Document, bool]:
	"""The provider's facts for a code: its last check within the cache lifetime, else a new lookup.
	Returns the Business Registry Check and whether it came from the cache."""
	key = tax_id_key(tax_id)
	if cached := recent_check(provider, key):
		return frappe.get_doc(CHECK, cached), True
	answer = fetch_answer(provider, key)
	if answer is NO_SUCH_COMPANY:
		facts = RegistryFacts(found=False)
	else:
		facts = read_facts(answer, parse_mapping(provider.response_mapping))
	return store_check(provider, key, facts), False


def recent_check(provider: Document, key: str) -> str | None:
	if not provider.cache_days:
		return None
	since = add_days(now_datetime(), -provider.cache_days)
	found = frappe.get_all(
		CHECK,
		{"provider": provider.name, "tax_id": key, "checked_on": [">=", since]},
		pluck="name",
		order_by="checked_on desc",
		limit=1,
	)
	return found[0] if found else None


def store_check(provider: Document, key: str, facts: RegistryFacts) -> Document:
	values = {fact: getattr(facts, fact) for fact in FACT_FIELDS}
	return frappe.get_doc(
		{
			"doctype": CHECK,
			"tax_id": key,
			"provider": provider.name,
			"checked_on": now_datetime(),
			"found": int(facts.found),
			"missing_facts": "\n".join(facts.missing) or None,
			**values,
		}
	).insert(ignore_permissions=True)


def facts_of(check: Document) -> RegistryFacts:
	return RegistryFacts(found=bool(check.found), **{fact: check.get(fact) for fact in FACT_FIELDS})


def customer_mismatches(check: Document, customer, provider: Document | None = None) -> list[str]:
	"""How the check's facts differ from a customer's (a document, a row, or typed values) name and address.
	A caller going through many customers passes the provider, read once."""
	active, deregistered = status_words(provider or frappe.get_doc(PROVIDER, check.provider))
	return mismatches(
		facts_of(check), customer.customer_name, customer.registered_address, active, deregistered
	)


def registry_fields(check: Document | None, found: list[str]) -> dict:
	"""The customer's registry fields for a check and its mismatches (labels stored in English, shown translated)."""
	if not check:
		return dict.fromkeys(REGISTRY_FIELDS)
	return {
		"registry_check": check.name,
		"registry_provider": check.provider,
		"registry_checked_on": check.checked_on,
		"registry_mismatches": "\n".join(MISMATCH_LABELS[code] for code in found) or None,
		"registry_blocking": int(is_blocking(found)),
	}


def sync_registry_fields(doc: Document) -> None:
	"""On every save: the mismatches follow the customer's current values, and a check of another code is
	dropped."""
	check = linked_check(doc)
	if check:
		doc.update(registry_fields(check, customer_mismatches(check, doc)))
	elif doc.registry_check:
		doc.update(registry_fields(None, []))


def linked_check(doc: Document) -> Document | None:
	"""The customer's check while it is of its code; else a check of its code still within the provider's cache
	lifetime, so that a company made over REST, by an import or on the registration page is linked to it
	without asking the registry again."""
	if doc.registry_check:
		check = frappe.get_doc(CHECK, doc.registry_check)
		if check.tax_id == tax_id_key(doc.tax_id):
			return check
	if doc.customer_type not in ORGANISATION_TYPES or not doc.tax_id or not has_provider():
		return None
	cached = recent_check(default_provider(), tax_id_key(doc.tax_id))
	return frappe.get_doc(CHECK, cached) if cached else None


def validate_registry_check(doc: Document) -> None:
	"""With *Require a registry check to approve*, a company or partnership needs a check of its tax ID no
	older than the settings' days, free of blocking mismatches."""
	settings = get_settings()
	if not settings.require_registry_check or doc.customer_type not in ORGANISATION_TYPES or not doc.tax_id:
		return
	days = settings.registry_check_days or 30
	if not (doc.registry_check and is_fresh(get_datetime(doc.registry_checked_on), now_datetime(), days)):
		frappe.throw(
			_(
				"Check the customer in the business registry before approving, with the {0} button on the customer: there is no check of {1} in the last {2} days"
			).format(frappe.bold(_("Check Registry")), frappe.bold(doc.tax_id), days),
			RegistryCheckRequiredError,
		)
	if doc.registry_blocking:
		frappe.throw(
			_("The business registry shows: {0}. This customer cannot be approved.").format(
				", ".join(_(line) for line in (doc.registry_mismatches or "").splitlines())
			),
			RegistryCheckRequiredError,
		)
