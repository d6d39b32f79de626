"""Giving a new customer its code: choose the rule, fill in the pattern, take the next serial."""

import frappe
from frappe.model.document import Document
from frappe.utils import getdate, now

from customer_onboarding.core.codes import (
	ResolvedPattern,
	parse_pattern,
	resolve_pattern,
	serial_in_series,
)
from customer_onboarding.core.problems import ProblemError
from customer_onboarding.core.rules import RuleMatch, match_rule, pick_rule
from customer_onboarding.exceptions import CustomerDataError
from customer_onboarding.messages import problem_message
from customer_onboarding.utils.bulk import memoised
from customer_onboarding.utils.cache import cached, forget

COUNTER = "Customer Code Counter"
RULE = "Customer Code Rule"
RULES_CACHE_KEY = "customer_onboarding:enabled_code_rules"
TREE_CODE_FIELDS = {"Territory": "territory_code", "Customer Group": "group_code"}


def assign_customer_code(doc: Document) -> None:
	"""Set `customer_code` from the best matching rule; keep a code a System Manager typed in (migrations), or
	the code an import reserved for the row (`flags.reserved_customer_code`)."""
	if doc.customer_code and "System Manager" in frappe.get_roles():
		return
	doc.customer_code = None
	if doc.flags.keep_legacy_code and keep_legacy_code(doc):
		return
	doc.customer_code = doc.flags.reserved_customer_code
	if doc.customer_code:
		return
	series = code_series(doc)
	if series:
		doc.customer_code = next_code(series)


def keep_legacy_code(doc: Document) -> bool:
	"""An import that keeps legacy codes: a free legacy code becomes the customer code, and a code that falls
	in the series of the customer's rule moves that counter past it, so the series never offers it again."""
	code = (doc.legacy_code or "").strip()
	if not code or code_taken(code):
		return False
	doc.customer_code = code
	series = code_series(doc)
	serial = serial_in_series(code, series) if series else None
	if serial is not None:
		raise_serial(series.series_key, serial)
	return True


def code_taken(code: str) -> bool:
	return bool(existing_codes([code]))


def code_series(doc: Document) -> ResolvedPattern | None:
	"""The resolved pattern of the rule that gives this customer its code, or None when no rule applies."""
	rules = enabled_rules()
	if not rules:
		return None
	groups = lineage("Customer Group", doc.customer_group)
	territories = lineage("Territory", doc.territory)
	rule = choose_rule(rules, groups, territories)
	if not rule:
		return None
	pattern = next(r.pattern for r in rules if r.name == rule.name)
	return resolve_rule(pattern, doc, groups, territories)


def lineage(doctype: str, name: str | None) -> list[tuple[str, str | None]]:
	return memoised(("lineage", doctype, name), lambda: read_lineage(doctype, name))


def read_lineage(doctype: str, name: str | None) -> list[tuple[str, str | None]]:
	"""The node and its ancestors, nearest first, each with its segment code."""
	if not name:
		return []
	bounds = frappe.db.get_value(doctype, name, ["lft", "rgt"])
	if not bounds:
		return []
	return frappe.get_all(
		doctype,
		filters={"lft": ["<=", bounds[0]], "rgt": [">=", bounds[1]]},
		fields=["name", TREE_CODE_FIELDS[doctype]],
		order_by="lft desc",
		as_list=True,
	)


def enabled_rules() -> list[dict]:
	return memoised(("rules",), lambda: cached(RULES_CACHE_KEY, read_enabled_rules))


def read_enabled_rules() -> list[dict]:
	return frappe.get_all(
		RULE,
		filters={"enabled": 1},
		fields=["name", "priority", "for_customer_group", "for_territory", "pattern"],
	)


def forget_rules() -> None:
	forget(RULES_CACHE_KEY)


def choose_rule(rules: list[dict], groups: list, territories: list) -> RuleMatch | None:
	group_names = [name for name, _code in groups]
	territory_names = [name for name, _code in territories]
	matches = (
		match_rule(r.name, r.priority, r.for_customer_group, group_names, r.for_territory, territory_names)
		for r in rules
	)
	return pick_rule(m for m in matches if m)


def nearest_code(nodes: list[tuple[str, str | None]]) -> str | None:
	return next((code for _name, code in nodes if code), None)


def resolve_rule(pattern: str, doc: Document, groups: list, territories: list) -> ResolvedPattern:
	values = {"territory_code": nearest_code(territories), "group_code": nearest_code(groups)}
	try:
		return resolve_pattern(parse_pattern(pattern), values, getdate())
	except ProblemError as error:
		frappe.throw(problem_message(error.problem, doc), CustomerDataError)


def next_code(resolved: ResolvedPattern) -> str:
	"""The next free code of the rule's series; serials taken by codes that already exist are skipped."""
	return reserve_codes(resolved, 1)[0]


def reserve_codes(resolved: ResolvedPattern, count: int) -> list[str]:
	"""The next `count` free codes of the series, in order, with one counter update (more only when some of the
	serials are taken by codes that already exist)."""
	codes: list[str] = []
	while len(codes) < count:
		needed = count - len(codes)
		first = reserve_serials(resolved.series_key, needed)
		block = [resolved.code(serial) for serial in range(first, first + needed)]
		taken = existing_codes(block)
		codes += [code for code in block if code not in taken]
	return codes


def existing_codes(codes: list[str]) -> set[str]:
	by_code = frappe.get_all("Customer", {"customer_code": ["in", codes]}, pluck="customer_code")
	return set(by_code) | set(frappe.get_all("Customer", {"name": ["in", codes]}, pluck="name"))


def reserve_serials(series_key: str, count: int) -> int:
	"""Advance the series counter by `count` and return the first serial of the block taken.

	INSERT ... ON DUPLICATE KEY UPDATE takes an exclusive row lock straight away, also when the row does not
	exist yet, so concurrent first uses of a prefix queue behind each other instead of both inserting (a
	duplicate key) or both taking shared locks and deadlocking on the upgrade. The lock is held until the
	transaction ends, so a rolled-back insert gives its serial back.
	"""
	timestamp, user = now(), frappe.session.user
	frappe.db.sql(
		"""
		INSERT INTO `tabCustomer Code Counter`
			(name, series_key, current, creation, modified, owner, modified_by, docstatus, idx)
		VALUES (%(key)s, %(key)s, %(count)s, %(ts)s, %(ts)s, %(user)s, %(user)s, 0, 0)
		ON DUPLICATE KEY UPDATE current = current + %(count)s, modified = %(ts)s, modified_by = %(user)s
		""",
		{"key": series_key, "count": count, "ts": timestamp, "user": user},
	)
	counter = frappe.qb.DocType(COUNTER)
	rows = (
		frappe.qb.from_(counter).select(counter.current).where(counter.name == series_key).for_update().run()
	)
	return int(rows[0][0]) - count + 1


def raise_serial(series_key: str, serial: int) -> None:
	"""Move the series counter up to `serial` (never down), locking its row as `next_serial` does."""
	timestamp, user = now(), frappe.session.user
	frappe.db.sql(
		"""
		INSERT INTO `tabCustomer Code Counter`
			(name, series_key, current, creation, modified, owner, modified_by, docstatus, idx)
		VALUES (%(key)s, %(key)s, %(serial)s, %(ts)s, %(ts)s, %(user)s, %(user)s, 0, 0)
		ON DUPLICATE KEY UPDATE current = GREATEST(current, %(serial)s), modified = %(ts)s,
			modified_by = %(user)s
		""",
		{"key": series_key, "serial": serial, "ts": timestamp, "user": user},
	)
