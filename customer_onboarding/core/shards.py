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


def split_in_file_order(items: Sequence[T], count: int, key: Callable[[T], Hashable | None]) -> list[list[T]]:
	"""At most `count` runs of consecutive items of about equal size, so that every share comes after the one
	before it in the file. An item whose key (not None) an earlier item had joins that item's share."""
	size = max(1, -(-len(items) // max(1, count)))
	shares: list[list[T]] = [[] for _ in range(max(1, count))]
	home: dict[Hashable, int] = {}
	for index, item in enumerate(items):
		group_key, share = key(item), min(index // size, len(shares) - 1)
		if group_key is not None:
			share = home.setdefault(group_key, share)
		shares[share].append(item)
	return [share for share in shares if share]
