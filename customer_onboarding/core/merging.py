"""Merging a group of duplicate customers into one: which customer survives, and which value each field keeps.

Rules, in order, for each field:
- a tax ID that is a valid USCC as written wins over one valid only once normalised (`91110108...j` for `...J`),
  which wins over one that is not valid;
- a sensitive field takes an Enabled customer's value (the most recently updated, when several are);
- otherwise the most recently updated customer's value that is not empty.
"""

from dataclasses import dataclass, field

from customer_onboarding.core.tax_id import normalise_tax_id, uscc_problem
from customer_onboarding.core.text import to_half_width

TAX_ID = "tax_id"


@dataclass(frozen=True)
class Member:
	"""One customer of a group, as the rules see it: when it was last updated and its values as text."""

	name: str
	modified: str
	enabled: bool = False
	values: dict[str, str] = field(default_factory=dict)


def choose_survivor(members: list[Member]) -> str:
	"""The Enabled customer, else the most recently updated; the earlier name breaks ties."""
	ranked = sorted(members, key=lambda m: m.name)
	ranked = sorted(ranked, key=lambda m: (m.enabled, m.modified), reverse=True)
	return ranked[0].name


def is_valid_uscc(value: str) -> bool:
	return bool(value) and uscc_problem(normalise_tax_id(value)) is None


def tax_id_rank(value: str) -> int:
	"""2 for a valid USCC as written, 1 for one valid once normalised, 0 for anything else."""
	if not is_valid_uscc(value):
		return 0
	return 2 if value == normalise_tax_id(value) else 1


def choose_value(fieldname: str, members: list[Member], survivor: str, sensitive: bool) -> str:
	"""The member whose value of `fieldname` the survivor keeps; the survivor itself when none has a value."""
	filled = [m for m in members if m.values.get(fieldname)]
	if fieldname == TAX_ID and filled:
		best = max(tax_id_rank(m.values[fieldname]) for m in filled)
		filled = [m for m in filled if tax_id_rank(m.values[fieldname]) == best]
	if sensitive and any(m.enabled for m in filled):
		filled = [m for m in filled if m.enabled]
	if not filled:
		return survivor
	by_survivor_first = sorted(filled, key=lambda m: m.name != survivor)
	return max(by_survivor_first, key=lambda m: m.modified).name


def choose_values(
	members: list[Member], fieldnames: list[str], sensitive: set[str], survivor: str
) -> dict[str, str]:
	"""For each field, the name of the member whose value the survivor takes."""
	return {f: choose_value(f, members, survivor, f in sensitive) for f in fieldnames}


def chosen_changes(members: list[Member], choices: dict[str, str], survivor: str) -> dict[str, str]:
	"""The fields whose chosen value differs from the survivor's own, with the value it takes."""
	by_name = {m.name: m for m in members}
	own = by_name[survivor].values
	return {
		f: by_name[chosen].values.get(f, "")
		for f, chosen in choices.items()
		if by_name[chosen].values.get(f, "") != own.get(f, "")
	}


def duplicate_groups(keys: dict[str, set]) -> list[list[str]]:
	"""Records that share any key, joined transitively, in groups of two or more; each group and the list in name
	order. A record without keys is never a duplicate."""
	parent = {name: name for name in keys}

	def root(name: str) -> str:
		while parent[name] != name:
			parent[name] = parent[parent[name]]
			name = parent[name]
		return name

	holder: dict = {}
	for name in sorted(keys):
		for key in keys[name]:
			if key in holder:
				parent[root(name)] = root(holder[key])
			else:
				holder[key] = name
	groups: dict[str, list[str]] = {}
	for name in sorted(keys):
		groups.setdefault(root(name), []).append(name)
	return sorted(group for group in groups.values() if len(group) > 1)


def address_key(*parts: str | None) -> str:
	"""An address as people type it in different ways: half-width, lower case, without spaces or punctuation."""
	text = to_half_width("".join(p or "" for p in parts)).lower()
	return "".join(char for char in text if char.isalnum())


def bank_account_key(bank: str | None, account_no: str | None) -> str:
	number = "".join(char for char in to_half_width(account_no or "") if char.isalnum()).upper()
	return f"{bank or ''}|{number}" if number else ""
