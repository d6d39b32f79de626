"""The normalised keys by which customers are compared: tax ID, phone numbers, e-mails and the name.

Values are stored as people typed them; only these keys are derived. A key never fails: a phone number that
cannot be parsed is compared by its digits, so that legacy values typed in any form still meet.
"""

import re
from collections.abc import Iterable

from customer_onboarding.core.names import normalise_name
from customer_onboarding.core.phones import normalise_phone
from customer_onboarding.core.problems import ProblemError
from customer_onboarding.core.tax_id import normalise_tax_id
from customer_onboarding.core.text import to_half_width

TAX_ID = "tax_id"
PHONE = "phone"
EMAIL = "email"
NAME = "name"
KEY_TYPES = (TAX_ID, PHONE, EMAIL, NAME)
IDENTIFIERS = (TAX_ID, PHONE, EMAIL)

MIN_PHONE_DIGITS = 6
_NON_DIGITS = re.compile(r"\D")

Key = tuple[str, str]


def tax_id_key(value: str | None) -> str:
	return normalise_tax_id(value)


def phone_key(value: str | None, region: str) -> str:
	"""E.164 when the number parses (+8613912345678 for `139 1234 5678` in region CN), else its digits."""
	if not value or not str(value).strip():
		return ""
	try:
		return normalise_phone(str(value), region)
	except ProblemError:
		digits = _NON_DIGITS.sub("", to_half_width(str(value)))
		return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def email_key(value: str | None) -> str:
	return to_half_width(value or "").strip().casefold()


def name_key(value: str | None) -> str:
	return normalise_name(value)


def customer_keys(
	customer_name: str | None = None,
	tax_id: str | None = None,
	phones: Iterable[str | None] = (),
	emails: Iterable[str | None] = (),
	region: str = "CN",
) -> set[Key]:
	"""Every key of one customer, from its own fields and those of its contacts."""
	keys = {(NAME, name_key(customer_name)), (TAX_ID, tax_id_key(tax_id))}
	keys |= {(PHONE, phone_key(phone, region)) for phone in phones}
	keys |= {(EMAIL, email_key(email)) for email in emails}
	return {(kind, value) for kind, value in keys if value}


def values_of(keys: Iterable[Key], kind: str) -> frozenset[str]:
	return frozenset(value for key_kind, value in keys if key_kind == kind)
