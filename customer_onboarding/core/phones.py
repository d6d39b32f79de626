"""Phone numbers are parsed with `phonenumbers` and stored in E.164 form (+8613812345678)."""

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

from customer_onboarding.core.problems import Problem, ProblemError
from customer_onboarding.core.text import squeeze_spaces, to_half_width

_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def normalise_phone(raw: str, region: str, fieldname: str = "", mobile: bool = False) -> str:
	"""Return the number in E.164 form, or raise ProblemError saying why it is not a usable number."""
	text = squeeze_spaces(to_half_width(str(raw)))
	if not text:
		return ""
	try:
		number = phonenumbers.parse(text, (region or "CN").upper())
	except NumberParseException:
		raise ProblemError(Problem("phone_unreadable", fieldname, text)) from None
	if not phonenumbers.is_valid_number(number):
		raise ProblemError(Problem("phone_invalid", fieldname, text))
	if mobile and phonenumbers.number_type(number) not in _MOBILE_TYPES:
		raise ProblemError(Problem("phone_not_mobile", fieldname, text))
	return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_known_region(region: str) -> bool:
	return (region or "").upper() in phonenumbers.SUPPORTED_REGIONS
