"""The Customer Match Key table: one row per key of a customer, indexed by key type and value.

A customer has any number of phones and e-mails (its own and its contacts'), so keys live in their own table
rather than in fields of Customer: every lookup is one indexed query, and a save rewrites only the keys that
changed.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import frappe
from frappe.query_builder import Order
from frappe.utils import now_datetime
from pypika.terms import ValueWrapper

from customer_onboarding.core.match_keys import Key, customer_keys
from customer_onboarding.settings import get_settings
from customer_onboarding.utils.bulk import bulk_memo_on, insert_rows

KEYS = "Customer Match Key"
BATCH = 2_000
VERSION_KEY = "customer_onboarding:match_key_version"


def refresh_match_keys(customers: Iterable[str]) -> None:
	"""Make the stored keys of these customers what their current data, and their contacts', gives."""
	names = sorted({name for name in customers if name})
	if refreshing_later(names):
		return
	for start in range(0, len(names), BATCH):
		batch = names[start : start + BATCH]
		write_difference(stored_keys(batch), wanted_keys(batch))


def refresh_saved_customer_keys(doc) -> None:
	"""After a customer's save: its keys from the saved document, without reading its row again."""
	if refreshing_later([doc.name]):
		return
	write_difference(
		stored_keys([doc.name]), {doc.name: keys_from(doc, *contact_phones_and_emails([doc.name]))}
	)


@contextmanager
def match_keys_refreshed_once() -> Iterator[None]:
	"""Within the block, the saves of customers and contacts only note whose keys they change; those customers'
	keys are refreshed once, when the block ends without an error. An import writes a customer and then each of
	its contacts, which would otherwise refresh the same customer's keys once per document."""
	frappe.flags.match_keys_to_refresh = pending = set()
	try:
		yield
	finally:
		frappe.flags.match_keys_to_refresh = None
	refresh_match_keys(pending)


def refreshing_later(customers: list[str]) -> bool:
	pending = frappe.flags.match_keys_to_refresh
	if pending is None:
		return False
	pending.update(customers)
	return True


def delete_match_keys(customer: str) -> None:
	frappe.db.delete(KEYS, {"customer": customer})
	bump_key_version()


def wanted_keys(customers: list[str]) -> dict[str, set[Key]]:
	phones, emails = contact_phones_and_emails(customers)
	rows = rows_of(
		"Customer", "name", customers, ["name", "customer_name", "tax_id", "mobile_no", "email_id"]
	)
	return {row.name: keys_from(row, phones, emails) for row in rows}


def keys_from(customer, phones: dict[str, list[str]], emails: dict[str, list[str]]) -> set[Key]:
	"""The keys of a customer (a document or a row) and of its contacts' phones and e-mails."""
	return customer_keys(
		customer.customer_name,
		customer.tax_id,
		[customer.mobile_no, *phones.get(customer.name, ())],
		[customer.email_id, *emails.get(customer.name, ())],
		get_settings().default_phone_region or "CN",
	)


def contact_phones_and_emails(customers: list[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
	"""Phones and e-mails of the contacts linked to these customers, by customer, in one query."""
	phones: dict[str, list[str]] = {}
	emails: dict[str, list[str]] = {}
	query = contact_query("Contact Phone", "phone", customers, "phone") * contact_query(
		"Contact Email", "email_id", customers, "email"
	)
	for customer, kind, value in query.run():
		(phones if kind == "phone" else emails).setdefault(customer, []).append(value)
	return phones, emails


def contact_query(child_doctype: str, fieldname: str, customers: list[str], kind: str):
	query, link, child = linked_contact_rows(child_doctype, customers)
	return query.select(link.link_name, ValueWrapper(kind), child[fieldname])


def contact_rows(child_doctype: str, fieldnames: list[str], customers: list[str]) -> list[tuple]:
	"""(customer, contact, *fields) of a child table (Contact Phone, Contact Email) of the customers' contacts."""
	query, link, child = linked_contact_rows(child_doctype, customers)
	return (
		query.select(link.link_name, link.parent, *(child[f] for f in fieldnames))
		.orderby(link.link_name)
		.run()
	)


def linked_contact_rows(child_doctype: str, customers: list[str]):
	"""The rows of a contact child table whose contact links to one of the customers: the query, and its tables."""
	link = frappe.qb.DocType("Dynamic Link")
	child = frappe.qb.DocType(child_doctype)
	query = (
		frappe.qb.from_(link)
		.join(child)
		.on((child.parent == link.parent) & (child.parenttype == "Contact"))
		.where(
			(link.parenttype == "Contact")
			& (link.link_doctype == "Customer")
			& link.link_name.isin(customers)
		)
	)
	return query, link, child


def stored_keys(customers: list[str]) -> dict[str, list[tuple[str, Key]]]:
	rows = rows_of(KEYS, "customer", customers, ["name", "customer", "key_type", "key_value"])
	stored: dict[str, list[tuple[str, Key]]] = {}
	for name, customer, kind, value in (tuple(row.values()) for row in rows):
		stored.setdefault(customer, []).append((name, (kind, value)))
	return stored


def write_difference(stored: dict[str, list[tuple[str, Key]]], wanted: dict[str, set[Key]]) -> None:
	"""Delete stored keys no longer wanted (or stored twice, as after a merge) and insert the missing ones."""
	obsolete, missing = [], []
	for customer in stored.keys() | wanted.keys():
		kept: set[Key] = set()
		for name, key in stored.get(customer, ()):
			if key in wanted.get(customer, ()) and key not in kept:
				kept.add(key)
			else:
				obsolete.append(name)
		missing += [(customer, key) for key in wanted.get(customer, set()) - kept]
	if obsolete:
		frappe.db.delete(KEYS, {"name": ["in", obsolete]})
	if missing:
		insert_keys(missing)
	if obsolete or missing:
		bump_key_version()


def bump_key_version() -> None:
	"""Processes that hold keys in memory reload them when the version moved: now for this process, and after the
	commit for the others. A bulk import bumps once at its end instead of once per customer."""
	if bulk_memo_on():
		return
	increment_version()
	frappe.db.after_commit.add(increment_version)


def increment_version() -> None:
	frappe.cache.incrby(frappe.cache.make_key(VERSION_KEY), 1)


def key_version() -> int:
	return int(frappe.cache.get(frappe.cache.make_key(VERSION_KEY)) or 0)


def insert_keys(keys: list[tuple[str, Key]]) -> None:
	now, user = now_datetime(), frappe.session.user
	rows = [
		(frappe.generate_hash(length=12), now, now, user, user, customer, kind, value)
		for customer, (kind, value) in keys
	]
	fields = ["name", "creation", "modified", "owner", "modified_by", "customer", "key_type", "key_value"]
	insert_rows(KEYS, fields, rows)


def rows_of(doctype: str, key: str, values: list[str], fields: list[str]) -> list[dict]:
	"""Rows whose `key` is one of `values`, as dicts of `fields` in that order. The query builder takes long lists
	of values many times faster than `frappe.get_all`'s filters."""
	if not values:
		return []
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.from_(table).select(*(table[f] for f in fields)).where(table[key].isin(values))
	return query.run(as_dict=True)


def holders_of(kind: str, values: list[str]) -> dict[str, list[tuple[str, str]]]:
	"""Customers holding each of these keys, as (name, customer name), most recently modified first."""
	key = frappe.qb.DocType(KEYS)
	customer = frappe.qb.DocType("Customer")
	holders: dict[str, list[tuple[str, str]]] = {}
	for start in range(0, len(values), 1_000):
		rows = (
			frappe.qb.from_(key)
			.join(customer)
			.on(customer.name == key.customer)
			.select(key.key_value, customer.name, customer.customer_name)
			.where((key.key_type == kind) & key.key_value.isin(values[start : start + 1_000]))
			.orderby(customer.modified, order=Order.desc)
		).run()
		for value, name, customer_name in rows:
			holders.setdefault(value, []).append((name, customer_name))
	return holders


def customers_with_any(keys: Iterable[Key]) -> set[str]:
	"""Customers holding at least one of these keys: one indexed look-up per key type."""
	by_kind: dict[str, list[str]] = {}
	for kind, value in keys:
		by_kind.setdefault(kind, []).append(value)
	return {
		name
		for kind, values in by_kind.items()
		for holders in holders_of(kind, values).values()
		for name, _ in holders
	}


def keys_of(customers: list[str] | None = None) -> dict[str, set[Key]]:
	"""The stored keys of these customers, or of every customer."""
	fields = ["customer", "key_type", "key_value"]
	if customers is None:
		rows = frappe.get_all(KEYS, fields=fields, as_list=True)
	else:
		rows = [tuple(row.values()) for row in rows_of(KEYS, "customer", customers, fields)]
	keys: dict[str, set[Key]] = {}
	for customer, kind, value in rows:
		keys.setdefault(customer, set()).add((kind, value))
	return keys
