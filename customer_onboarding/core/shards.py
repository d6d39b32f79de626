"""Splitting import rows into shares, each imported by one background job."""

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")
MAX_SHARES = 4
MIN_ROWS_PER_SHARE = 100


def share_count(rows: int, configured: int, cpus: int) -> int:
	"""`configured` shares, or with 0 one per CPU core, at most MAX_SHARES and one per MIN_ROWS_PER_SHARE rows."""
	if configured:
		return max(1, min(configured, rows))
	return max(1, min(cpus, MAX_SHARES, rows // MIN_ROWS_PER_SHARE))


def split_into_shards(items: Sequence[T], count: int, key: Callable[[T], Hashable | None]) -> list[list[T]]:
	"""At most `count` lists of about equal size, each in the original order.

	Items with the same key (not None) stay in one list, largest groups placed first.
	"""
	position = {id(item): index for index, item in enumerate(items)}
	groups: dict[Hashable, list[T]] = {}
	units: list[list[T]] = []
	for item in items:
		group_key = key(item)
		if group_key is None:
			units.append([item])
		else:
			groups.setdefault(group_key, []).append(item)
	units = sorted(groups.values(), key=len, reverse=True) + units
	shards: list[list[T]] = [[] for _ in range(max(1, count))]
	for unit in units:
		min(shards, key=len).extend(unit)
	return [sorted(shard, key=lambda item: position[id(item)]) for shard in shards if shard]
