"""Finding customers that may be the same business, and merging them.

Lookups compare against an in-process index of every customer's normalised name, tax ID, phone and email.
Any customer change bumps a version number in Redis; each process reloads its index when the version moved.
"""

import frappe
from frappe import _

from customer_onboarding.core.duplicates import Candidate, Party, party, rank, similar_names
from customer_onboarding.core.phones import normalise_phone
from customer_onboarding.core.problems import ProblemError
from customer_onboarding.import_cache import importing
from customer_onboarding.settings import get_settings

VERSION_KEY = "customer_onboarding:dedupe_version"
_index: dict = {}


def bump_version() -> None:
	"""A bulk import bumps once at its end instead of once per customer."""
	if not importing():
		frappe.cache.incrby(frappe.cache.make_key(VERSION_KEY), 1)


def current_version() -> int:
	return int(frappe.cache.get(frappe.cache.make_key(VERSION_KEY)) or 0)


def load_parties() -> list[Party]:
	rows = frappe.get_all(
		"Customer", fields=["name", "customer_name", "tax_id", "mobile_no", "email_id"], order_by="name"
	)
	return [party(r.name, r.customer_name, r.tax_id, r.mobile_no, r.email_id) for r in rows]


def index() -> dict:
	key = (frappe.local.site, current_version())
	if _index.get("key") != key:
		parties = load_parties()
		_index.clear()
		_index.update(
			key=key,
			parties=parties,
			names=[p.core_name for p in parties],
			by_value={(attr, getattr(p, attr)): [] for p in parties for attr in ("tax_id", "phone", "email")},
		)
		for p in parties:
			for attr in ("tax_id", "phone", "email"):
				_index["by_value"][(attr, getattr(p, attr))].append(p)
	return _index


def comparable_phone(raw: str | None) -> str:
	try:
		return normalise_phone(raw or "", get_settings().default_phone_region)
	except ProblemError:
		return (raw or "").strip()


def duplicate_candidates(
	customer_name=None, tax_id=None, mobile_no=None, email_id=None, exclude=None
) -> list[Candidate]:
	query = party("", customer_name, tax_id, comparable_phone(mobile_no), email_id)
	data = index()
	pool = {
		data["parties"][i].name: data["parties"][i] for i in similar_names(query.core_name, data["names"])
	}
	for attr in ("tax_id", "phone", "email"):
		if getattr(query, attr):
			pool.update({p.name: p for p in data["by_value"].get((attr, getattr(query, attr)), [])})
	return rank(query, pool.values(), exclude=exclude)


def merge(source: str, target: str) -> str:
	"""Who may merge is decided in Customer's before_rename, for this path and the standard rename dialog."""
	if source == target or not frappe.db.exists("Customer", target):
		frappe.throw(_("Choose two different existing customers to merge"))
	return frappe.rename_doc("Customer", source, target, merge=True)
