"""Follow-up records: which planned follow-up dates are still open."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class FollowUp:
	follow_up_on: datetime
	next_follow_up_date: date | None = None


def is_open(planned: date, follow_ups: Iterable[FollowUp]) -> bool:
	"""A planned date stays open until a follow-up is recorded on or after it."""
	return not any(f.follow_up_on.date() >= planned for f in follow_ups)


def earliest_open_date(follow_ups: Iterable[FollowUp]) -> date | None:
	rows = list(follow_ups)
	open_dates = [
		row.next_follow_up_date
		for row in rows
		if row.next_follow_up_date and is_open(row.next_follow_up_date, rows)
	]
	return min(open_dates, default=None)


def changed_fields(before: dict, after: dict, fields: Iterable[str]) -> list[str]:
	return [field for field in fields if before.get(field) != after.get(field)]
