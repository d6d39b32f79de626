"""Choosing the code rule for a customer among the enabled rules that match it."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleMatch:
	"""An enabled rule that matches a customer.

	`group_distance` and `territory_distance` count the steps from the customer's own group or territory up
	to the one the rule is limited to (0: the same node); None where the rule has no such limit.
	"""

	name: str
	priority: int = 0
	group_distance: int | None = None
	territory_distance: int | None = None

	@property
	def limits(self) -> int:
		return (self.group_distance is not None) + (self.territory_distance is not None)

	@property
	def distance(self) -> int:
		return (self.group_distance or 0) + (self.territory_distance or 0)


def specificity_order(match: RuleMatch) -> tuple[int, int, int, str]:
	"""More limits first, then the closest limits, then the highest priority, then the name."""
	return (-match.limits, match.distance, -match.priority, match.name)


def pick_rule(matches: Iterable[RuleMatch]) -> RuleMatch | None:
	ordered = sorted(matches, key=specificity_order)
	return ordered[0] if ordered else None


def _steps_up(ancestors_nearest_first: list[str], limit: str | None) -> int | None:
	return ancestors_nearest_first.index(limit) if limit else None


def _within(ancestors_nearest_first: list[str], limit: str | None) -> bool:
	return not limit or limit in ancestors_nearest_first


def match_rule(
	name: str,
	priority: int,
	group_limit: str | None,
	group_ancestors: list[str],
	territory_limit: str | None,
	territory_ancestors: list[str],
) -> RuleMatch | None:
	"""The rule as a RuleMatch when the customer's group and territory fall under its limits, else None.

	`group_ancestors` and `territory_ancestors` list the customer's node first, then its parents upwards.
	"""
	if not (_within(group_ancestors, group_limit) and _within(territory_ancestors, territory_limit)):
		return None
	return RuleMatch(
		name,
		priority,
		_steps_up(group_ancestors, group_limit),
		_steps_up(territory_ancestors, territory_limit),
	)
