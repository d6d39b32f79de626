"""How large an argument of a whitelisted method may be. Checked before any work is done."""

from collections.abc import Sized

# Longest values worth looking at: an e-mail address (RFC 5321), a phone number with its extension,
# a tax ID with the separators people type, a document name, and free text such as a comment.
MAX_LENGTH = {"email": 254, "phone": 40, "tax_id": 40, "docname": 140, "text": 10_000, "language": 10}
MAX_ITEMS = 1_000


def too_long(value: object, limit: int) -> bool:
	return isinstance(value, str) and len(value) > limit


def too_many(values: object, limit: int = MAX_ITEMS) -> bool:
	return isinstance(values, Sized) and not isinstance(values, str) and len(values) > limit
