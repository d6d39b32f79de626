"""The business licence a visitor sends with the self-registration form, as "filename,data:<mime>;base64,<data>".

The file is read here without Frappe: its size is checked on the encoded text before anything is decoded, and
its type both by the extension of its name and by the first bytes of its content, which must agree.
"""

import base64
import binascii
import math
import posixpath
from dataclasses import dataclass

from customer_onboarding.core.problems import Problem, ProblemError

FIELD = "licence_upload"
MAX_NAME_LENGTH = 100
SIGNATURES = {
	".pdf": b"%PDF-",
	".png": b"\x89PNG\r\n\x1a\n",
	".jpg": b"\xff\xd8\xff",
	".jpeg": b"\xff\xd8\xff",
}
ALLOWED_EXTENSIONS = tuple(SIGNATURES)


@dataclass(frozen=True)
class LicenceFile:
	filename: str
	content: bytes


def read_licence(value: str, max_bytes: int) -> LicenceFile:
	"""The file in `value`; ProblemError when it is unreadable, larger than `max_bytes` or not a PDF/JPEG/PNG."""
	filename, separator, data_url = value.rpartition(",data:")
	header, _comma, payload = data_url.partition(",")
	if not separator or not header.endswith(";base64") or not payload:
		raise ProblemError(Problem("licence_unreadable", FIELD))
	if len(payload) > encoded_length(max_bytes):
		raise ProblemError(Problem("licence_too_large", FIELD, details=(str(max_bytes),)))
	content = decode(payload)
	if len(content) > max_bytes:
		raise ProblemError(Problem("licence_too_large", FIELD, details=(str(max_bytes),)))
	name = clean_name(filename)
	if not is_allowed_type(name, content):
		raise ProblemError(Problem("licence_type", FIELD, name, (", ".join(ALLOWED_EXTENSIONS),)))
	return LicenceFile(name, content)


def encoded_length(size: int) -> int:
	"""The length of `size` bytes in base64, padding included."""
	return 4 * math.ceil(size / 3)


def decode(payload: str) -> bytes:
	try:
		content = base64.b64decode(payload, validate=True)
	except (binascii.Error, ValueError) as error:
		raise ProblemError(Problem("licence_unreadable", FIELD)) from error
	if not content:
		raise ProblemError(Problem("licence_unreadable", FIELD))
	return content


def clean_name(filename: str) -> str:
	"""The last part of the name the browser sent, without folders, at most MAX_NAME_LENGTH characters."""
	name = posixpath.basename(filename.replace("\\", "/")).strip()
	stem, extension = posixpath.splitext(name)
	return stem[: MAX_NAME_LENGTH - len(extension)] + extension.lower()


def is_allowed_type(name: str, content: bytes) -> bool:
	signature = SIGNATURES.get(posixpath.splitext(name)[1])
	return bool(signature) and content.startswith(signature)
