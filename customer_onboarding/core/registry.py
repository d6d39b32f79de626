"""Business registry checks (工商信息核验): the request for a USCC, the facts read from a provider's answer, and
how they compare with what the clerk typed. No database, no HTTP: the Frappe layer does those."""

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from customer_onboarding.core.names import simplify
from customer_onboarding.core.text import remove_spaces, to_half_width

USCC_TOKEN = "{uscc}"
FACT_FIELDS = (
	"registered_name",
	"status",
	"legal_representative",
	"registered_address",
	"registered_capital",
	"establishment_date",
)
NAME_DIFFERS, ADDRESS_DIFFERS, NOT_ACTIVE, DEREGISTERED, NOT_FOUND = (
	"name_differs",
	"address_differs",
	"not_active",
	"deregistered",
	"not_found",
)
# A blocking mismatch stops approval where the settings ask for a clean check.
BLOCKING = frozenset({DEREGISTERED, NOT_FOUND})
DEFAULT_ACTIVE_STATUSES = ("存续", "在业", "开业", "正常", "Active")
DEFAULT_DEREGISTERED_STATUSES = ("注销", "吊销", "撤销", "Deregistered", "Revoked", "Cancelled")
_ADDRESS_NOISE = re.compile(r"[\W_]+", re.UNICODE)


class RegistrySetupError(ValueError):
	"""A provider's request template or response mapping that cannot work."""


@dataclass(frozen=True)
class RegistryFacts:
	found: bool
	registered_name: str | None = None
	status: str | None = None
	legal_representative: str | None = None
	registered_address: str | None = None
	registered_capital: str | None = None
	establishment_date: str | None = None
	missing: tuple[str, ...] = field(default=())

	def as_dict(self) -> dict[str, Any]:
		return asdict(self)


def request_path(template: str, uscc: str) -> str:
	"""The provider's path and query for one USCC; the code is URL-encoded wherever the template puts it."""
	if USCC_TOKEN not in (template or ""):
		raise RegistrySetupError("no_uscc_token")
	return template.replace(USCC_TOKEN, quote(uscc, safe=""))


def parse_mapping(text: str | None) -> dict[str, str]:
	"""The response mapping: a JSON object from our fact names to dotted paths in the provider's answer."""
	try:
		mapping = json.loads(text or "{}")
	except ValueError as error:
		raise RegistrySetupError("mapping_not_json") from error
	if not isinstance(mapping, dict) or not all(isinstance(v, str) and v for v in mapping.values()):
		raise RegistrySetupError("mapping_not_paths")
	unknown = set(mapping) - set(FACT_FIELDS)
	if unknown:
		raise RegistrySetupError("mapping_unknown_fact")
	if "registered_name" not in mapping:
		raise RegistrySetupError("mapping_needs_name")
	return mapping


def value_at(document: Any, path: str) -> Any:
	"""`data.items.0.name` in nested objects and lists; None where the answer has no such place."""
	for part in path.split("."):
		if isinstance(document, dict):
			document = document.get(part)
		elif isinstance(document, list) and part.isdigit() and int(part) < len(document):
			document = document[int(part)]
		else:
			return None
	return document


def read_facts(answer: Any, mapping: dict[str, str]) -> RegistryFacts:
	"""The facts a provider's answer holds; mapped facts it lacks are listed, and no name means not found."""
	values = {fact: as_text(value_at(answer, path)) for fact, path in mapping.items()}
	missing = tuple(fact for fact, value in values.items() if value is None)
	return RegistryFacts(found=values.get("registered_name") is not None, missing=missing, **values)


def as_text(value: Any) -> str | None:
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	return str(value).strip()


def mismatches(
	facts: RegistryFacts,
	customer_name: str | None,
	registered_address: str | None,
	active_statuses=DEFAULT_ACTIVE_STATUSES,
	deregistered_statuses=DEFAULT_DEREGISTERED_STATUSES,
) -> list[str]:
	"""What differs between the registry and the customer: names after normalisation, addresses ignoring
	spaces, punctuation and full-width forms, and a status that is not active."""
	if not facts.found:
		return [NOT_FOUND]
	found = []
	if customer_name and simplify(facts.registered_name) != simplify(customer_name):
		found.append(NAME_DIFFERS)
	if registered_address and facts.registered_address:
		if plain_address(facts.registered_address) != plain_address(registered_address):
			found.append(ADDRESS_DIFFERS)
	found += status_mismatches(facts.status, active_statuses, deregistered_statuses)
	return found


def status_mismatches(status: str | None, active_statuses, deregistered_statuses) -> list[str]:
	if not status:
		return []
	if any(word in status for word in deregistered_statuses):
		return [DEREGISTERED]
	if not any(word in status for word in active_statuses):
		return [NOT_ACTIVE]
	return []


def plain_address(value: str) -> str:
	return _ADDRESS_NOISE.sub("", remove_spaces(to_half_width(value))).lower()


def is_blocking(found: list[str]) -> bool:
	return bool(BLOCKING.intersection(found))


def is_fresh(checked_on: datetime | None, now: datetime, days: int) -> bool:
	"""A check made within the last `days` days."""
	return checked_on is not None and now - checked_on <= timedelta(days=days)


def retry_delays(retries: int, first: float = 0.5) -> list[float]:
	"""Seconds to wait before each retry: doubling from `first`."""
	return [first * 2**attempt for attempt in range(max(retries, 0))]
