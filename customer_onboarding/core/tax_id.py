"""Tax ID normalisation and the China Unified Social Credit Code (统一社会信用代码, GB 32100-2015) check.

python-stdnum's `cn.uscc` requires the first eight characters to be digits, which rejects real codes whose
registration authority is a letter (A, N, Y), so the check is written out here.
"""

from customer_onboarding.core.problems import Problem
from customer_onboarding.core.text import remove_spaces, to_half_width

SCHEME_CN_USCC = "CN USCC"
SCHEME_NONE = "None"
SCHEMES = (SCHEME_CN_USCC, SCHEME_NONE)
ORGANISATION_TYPES = ("Company", "Partnership")

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_LENGTH = 18


def normalise_tax_id(value: str | None) -> str:
	"""Half-width, upper case, no spaces and no separators people type between groups."""
	if not value:
		return ""
	text = remove_spaces(to_half_width(value)).upper()
	return text.replace("-", "").replace("_", "")


def uscc_check_character(first_17: str) -> str:
	total = sum(
		USCC_ALPHABET.index(char) * weight for char, weight in zip(first_17, USCC_WEIGHTS, strict=True)
	)
	return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_problem(tax_id: str) -> Problem | None:
	"""None when `tax_id` (already normalised) is a valid USCC, else what is wrong with it."""
	if len(tax_id) != USCC_LENGTH:
		return Problem("uscc_length", "tax_id", tax_id, (str(len(tax_id)),))
	if any(char not in USCC_ALPHABET for char in tax_id) or not tax_id[2:8].isdigit():
		return Problem("uscc_format", "tax_id", tax_id)
	if uscc_check_character(tax_id[:17]) != tax_id[17]:
		return Problem("uscc_checksum", "tax_id", tax_id)
	return None


def needs_scheme_check(scheme: str, customer_type: str | None) -> bool:
	return scheme == SCHEME_CN_USCC and customer_type in ORGANISATION_TYPES


def tax_id_problem(tax_id: str, scheme: str, customer_type: str | None) -> Problem | None:
	if not tax_id or not needs_scheme_check(scheme, customer_type):
		return None
	return uscc_problem(tax_id)
