"""The required-field matrix: which fields each customer type must fill in."""

from collections.abc import Iterable, Mapping
from typing import Any

from customer_onboarding.core.problems import Problem

DEFAULT_MATRIX: tuple[tuple[str, str], ...] = (
	("Company", "tax_id"),
	("Company", "customer_group"),
	("Company", "territory"),
	("Company", "registered_address"),
	("Individual", "mobile_no"),
)


def required_fields_for(matrix: Iterable[tuple[str, str]], customer_type: str | None) -> list[str]:
	return [fieldname for row_type, fieldname in matrix if row_type == customer_type]


def is_blank(value: Any) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def missing_field_problems(values: Mapping[str, Any], required: Iterable[str]) -> list[Problem]:
	return [Problem("required", fieldname) for fieldname in required if is_blank(values.get(fieldname))]
