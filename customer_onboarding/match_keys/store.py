"""The Customer Match Key table: one row per key of a customer, indexed by key type and value.

A customer has any number of phones and e-mails (its own and its contacts'), so keys live in their own table
rather than in fields of Customer: every lookup is one indexed query, and a save rewrites only the keys that
changed.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import frappe
from frappe.utils import now_datetime

from customer_onboarding.core.match_keys import NAME, Key, customer_keys
from customer_onboarding.settings import get_settings
from customer_onboarding.utils.bulk import bulk_memo_on, insert_rows

KEYS = "Customer Match Key"
BATCH = 2_000
VERSION_KEY = "customer_onboarding:match_key_version"
# The customer's own fields its keys come from (`keys_from`).
KEY_FIELDS = ("customer_name", "tax_id", "mobile_no", "email_id")

# The queries of every customer save, written out: building them with the query builder took longer than running
# them (1.6 ms against 0.6 ms for the contacts' phones and e-mails). Values are always passed as parameters.
STORED_KEYS = """select `name`, `customer`, `key_type`, `key_value` from `tabCustomer Match Key`
	where `customer` in %(customers)s"""
CUSTOMER_ROWS = """select `name`, `customer_name`, `tax_id`, `mobile_no`, `email_id` from `tabCustomer`
	where `name` in %(customers)s"""
CONTACT_PHONES_AND_EMAILS = """select link.`link_name`, 'phone', child.`phone`
	from `tabDynamic Link` link
	join `tabContact Phone` child on child.`parent` = link.`parent` and child.`parenttype` = 'Contact'
	where link.`parenttype` = 'Contact' and link.`link_doctype` = 'Customer' and link.`link_name` in %(customers)s
	union all
	select link.`link_name`, 'email', child.`email_id`
	from `tabDynamic Link` link
	join `tabContact Email` child on child.`parent` = link.`parent` and child.`parenttype` = 'Contact'
	where link.`parenttype` = 'Contact' and link.`link_doctype` = 'Customer' and link.`link_name` in %(customers)s"""
POOL_KEYS = """select key_row.`customer`, customer.`customer_name`, key_row.`key_type`, key_row.`key_value`
	from `tabCustomer Match Key` key_row
	join `tabCustomer` customer on customer.`name` = key_row.`customer`
	where key_row.`customer` in %(customers)s and (key_row.`key_type` = %(kind)s or key_row.`key_value` in %(values)s)"""
HOLDERS = """select key_row.`key_value`, customer.`name`, customer.`customer_name`
	from `tabCustomer Match Key` key_row
	join `tabCustomer` customer on customer.`name` = key_row.`customer`
	where key_row.`key_type` = %(kind)s and key_row.`key_value` in %(values)s
	order by customer.`modified` desc"""


def refresh_match_keys(customers: Iterable[str]) -> None:
	"""Make the stored keys of these customers what their current data, and their contacts', gives."""
	names = sorted({name for name in customers if name})
	if refreshing_later(names):
		return
	for start in range(0, len(names), BATCH):
		batch = names[start : start + BATCH]
		write_difference(stored_keys(batch), wanted_keys(batch))


def refresh_saved_customer_keys(doc) -> None:
	"""After a customer's save: its keys from the saved document, without reading its row again. A save that
	changes none of the customer's fields the keys come from leaves them alone: its contacts' own saves refresh
	their part, and the install and every migrate fill the keys of customers written without the app."""
	if not any(doc.has_value_changed(field) for field in KEY_FIELDS) or refreshing_later([doc.name]):
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


def write_new_customer_keys(customer, contacts: list) -> None:
	"""The keys of a customer just inserted, from it and the contacts just written with it, without reading any
	back: a new customer has none stored. Inside `match_keys_refreshed_once` the block's refresh then leaves it
	out. A contact ERPNext makes from the customer's own mobile or e-mail adds no key the customer lacks."""
	phones = {customer.name: [row.phone for contact in contacts for row in contact.phone_nos]}
	emails = {customer.name: [row.email_id for contact in contacts for row in contact.email_ids]}
	insert_keys([(customer.name, key) for key in keys_from(customer, phones, emails)])
	bump_key_version()
	pending = frappe.flags.match_keys_to_refresh
	if pending is not None:
		pending.discard(customer.name)


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
	if not customers:
		return {}
	phones, emails = contact_phones_and_emails(customers)
	rows = frappe.db.sql(CUSTOMER_ROWS, {"customers": customers}, as_dict=True)
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
	rows = frappe.db.sql(CONTACT_PHONES_AND_EMAILS, {"customers": customers}) if customers else ()
	for customer, kind, value in rows:
		(phones if kind == "phone" else emails).setdefault(customer, []).append(value)
	return phones, emails


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
	rows = frappe.db.sql(STORED_KEYS, {"customers": customers}) if customers else ()
	stored: dict[str, list[tuple[str, Key]]] = {}
	for name, customer, kind, value in rows:
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
	holders: dict[str, list[tuple[str, str]]] = {}
	for start in range(0, len(values), 1_000):
		rows = frappe.db.sql(HOLDERS, {"kind": kind, "values": values[start : start + 1_000]})
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


def names_and_shared_keys(customers: list[str], keys: set[Key]) -> list[tuple[str, str, set[Key]]]:
	"""Each of these customers with its name and, of its keys, its name key and those among `keys`: all that a
	comparison with a customer holding `keys` reads, in one query."""
	if not customers:
		return []
	found: dict[str, tuple[str, set[Key]]] = {}
	values = [value for _kind, value in keys] or [""]
	for customer, customer_name, kind, value in frappe.db.sql(
		POOL_KEYS, {"customers": customers, "kind": NAME, "values": values}
	):
		held = found.setdefault(customer, (customer_name or "", set()))[1]
		if kind == NAME or (kind, value) in keys:
			held.add((kind, value))
	return [(customer, customer_name, held) for customer, (customer_name, held) in found.items()]


def keys_of(customers: list[str] | None = None) -> dict[str, set[Key]]:
	"""The stored keys of these customers, or of every customer."""
	if customers is not None:
		return {customer: {key for _name, key in rows} for customer, rows in stored_keys(customers).items()}
	keys: dict[str, set[Key]] = {}
	for customer, kind, value in frappe.get_all(
		KEYS, fields=["customer", "key_type", "key_value"], as_list=True
	):
		keys.setdefault(customer, set()).add((kind, value))
	return keys
