"""Finding customers that may be the same business, and merging them. Every comparison reads the match keys.

Exact keys (tax ID, phone, e-mail) are looked up in the key table. Names are compared by similarity against an
in-process list of every customer's name key, reloaded when the keys' version moved (see `bump_key_version`).
"""

from collections.abc import Callable

import frappe
from frappe import _

from customer_onboarding.core.duplicates import Candidate, NameIndex, Party, party, rank
from customer_onboarding.core.match_keys import IDENTIFIERS, NAME
from customer_onboarding.match_keys.store import (
	KEYS,
	customers_with_any,
	key_version,
	keys_of,
	names_and_shared_keys,
)
from customer_onboarding.settings import get_settings

_index: dict = {}


def name_index() -> dict:
	key = (frappe.local.site, key_version())
	if _index.get("key") != key:
		rows = frappe.get_all(
			KEYS,
			filters={"key_type": NAME},
			fields=["customer", "key_value"],
			order_by="customer",
			as_list=True,
		)
		_index.clear()
		_index.update(key=key, customers=[row[0] for row in rows], names=NameIndex([row[1] for row in rows]))
	return _index


def load_parties(customers: list[str] | None = None) -> list[Party]:
	"""Parties with their stored keys: these customers, or every customer."""
	keys = keys_of(customers)
	filters = {} if customers is None else {"name": ["in", list(keys) or [""]]}
	names = frappe.get_all("Customer", filters=filters, fields=["name", "customer_name"], as_list=True)
	return [Party(name, customer_name or "", frozenset(keys.get(name, ()))) for name, customer_name in names]


def duplicate_candidates(
	customer_name=None, tax_id=None, mobile_no=None, email_id=None, exclude=None
) -> list[Candidate]:
	query = party("", customer_name, tax_id, mobile_no, email_id, get_settings().default_phone_region)
	index = name_index()
	pool = {index["customers"][i] for i in index["names"].similar(query.core_name)}
	pool |= customers_with_any(key for key in query.keys if key[0] in IDENTIFIERS)
	return rank(query, parties_to_compare(query, sorted(pool)), exclude=exclude)


def parties_to_compare(query: Party, customers: list[str]) -> list[Party]:
	"""These customers as parties holding only the keys a comparison with `query` reads (their name key, and the
	keys they share with it), which ranks them as their every key would."""
	return [
		Party(name, customer_name, frozenset(held))
		for name, customer_name, held in names_and_shared_keys(customers, set(query.keys))
	]


def merge(source: str, target: str) -> str:
	"""Who may merge is decided in Customer's before_rename, for this path and the standard rename dialog."""
	if source == target or not frappe.db.exists("Customer", target):
		frappe.throw(_("Choose two different existing customers to merge"))
	return frappe.rename_doc("Customer", source, target, merge=True)


def reason_labeller() -> Callable[[list[str]], list[str]]:
	"""Turns reasons into their labels, translated once for all the candidates of a look-up or report rather than
	once per candidate."""
	labels = {
		"same_tax_id": _("same Tax ID"),
		"same_phone": _("same phone"),
		"same_email": _("same email"),
		"similar_name": _("similar name"),
	}
	return lambda reasons: [labels.get(reason, reason) for reason in reasons]
