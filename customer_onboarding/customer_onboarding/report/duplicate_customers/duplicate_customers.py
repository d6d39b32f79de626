import frappe
from frappe import _

from customer_onboarding.core.duplicates import duplicate_pairs
from customer_onboarding.duplicates import load_parties, reason_labeller

DEFAULT_MIN_SCORE = 85


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	pairs = duplicate_pairs(load_parties(), int(filters.min_score or DEFAULT_MIN_SCORE))
	groups = group_numbers(pairs)
	reason_labels = reason_labeller()
	rows = [
		{
			"group": groups[a.name],
			"customer": a.name,
			"customer_name": a.customer_name,
			"duplicate": b.name,
			"duplicate_name": b.customer_name,
			"score": candidate.score,
			"reasons": ", ".join(reason_labels(candidate.reasons)),
		}
		for a, b, candidate in pairs
	]
	return columns(), sorted(rows, key=lambda r: (r["group"], -r["score"]))


def columns() -> list[dict]:
	return [
		{"fieldname": "group", "label": _("Group"), "fieldtype": "Int", "width": 70},
		{
			"fieldname": "customer",
			"label": _("Customer"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 150,
		},
		{"fieldname": "customer_name", "label": _("Customer Name"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "duplicate",
			"label": _("Likely Duplicate"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 150,
		},
		{"fieldname": "duplicate_name", "label": _("Duplicate Name"), "fieldtype": "Data", "width": 200},
		{"fieldname": "score", "label": _("Score"), "fieldtype": "Int", "width": 70},
		{"fieldname": "reasons", "label": _("Reasons"), "fieldtype": "Data", "width": 200},
	]


def group_numbers(pairs) -> dict[str, int]:
	"""Customers linked by any chain of likely-duplicate pairs share a group number."""
	parent: dict[str, str] = {}

	def root(name: str) -> str:
		while parent.setdefault(name, name) != name:
			parent[name] = parent[parent[name]]
			name = parent[name]
		return name

	for a, b, _candidate in pairs:
		parent[root(a.name)] = root(b.name)
	numbers: dict[str, int] = {}
	return {name: numbers.setdefault(root(name), len(numbers) + 1) for name in sorted(parent)}
