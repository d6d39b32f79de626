"""Which changes of an enabled customer need a change request, compared without frappe.

Values are compared as text after trimming, so `30` and `"30"`, or None and "", are the same value. Two fields are
tables rather than fields of Customer: the credit limits and the customer's bank accounts.
"""

from collections.abc import Iterable, Mapping
from typing import Any

CREDIT_LIMITS = "credit_limits"
BANK_ACCOUNTS = "bank_accounts"
TABLES = (CREDIT_LIMITS, BANK_ACCOUNTS)
DEFAULT_SENSITIVE_FIELDS = (
	"customer_name",
	"tax_id",
	"customer_type",
	"customer_group",
	"territory",
	"credit_days",
	"registered_address",
	"account_manager",
	CREDIT_LIMITS,
	BANK_ACCOUNTS,
)
# Fields whose change holds outgoing payments to the customer while it waits.
PAYMENT_HOLD_FIELDS = ("tax_id", BANK_ACCOUNTS)


def parse_field_list(text: str | None) -> list[str]:
	"""One fieldname per line (or separated by commas), in order, each once."""
	names = [part.strip() for line in (text or "").splitlines() for part in line.split(",")]
	return list(dict.fromkeys(name for name in names if name))


def as_text(value: Any) -> str:
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return str(value).strip()


def credit_limit_text(rows: Iterable[Mapping]) -> str:
	"""Credit limits as one comparable line per company, sorted."""
	lines = [
		f"{row.get('company')}: {as_text(row.get('credit_limit') or 0)}"
		+ (" (bypass)" if row.get("bypass_credit_limit_check") else "")
		for row in rows
	]
	return "\n".join(sorted(lines))


def changed_fields(before: Mapping, after: Mapping, fields: Iterable[str]) -> list[str]:
	return [field for field in fields if as_text(before.get(field)) != as_text(after.get(field))]


def moved_fields(recorded: Mapping[str, str], current: Mapping[str, str]) -> list[str]:
	"""Fields whose current value is no longer the one recorded when the request was made or refreshed."""
	return [field for field, value in recorded.items() if as_text(current.get(field)) != as_text(value)]
