import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def to_half_width(value: str) -> str:
	"""Full-width letters, digits, punctuation and the ideographic space become their ASCII forms."""
	return unicodedata.normalize("NFKC", value)


def squeeze_spaces(value: str) -> str:
	return _WHITESPACE.sub(" ", value).strip()


def remove_spaces(value: str) -> str:
	return _WHITESPACE.sub("", value)
