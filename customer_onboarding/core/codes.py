"""Customer code patterns such as ``{territory_code}-{group_code}-###``.

A pattern is literal text with tokens in braces and exactly one run of ``#`` for the serial. The serial is
counted per *series key*: the pattern with every token resolved and the ``#`` run kept, so ``BJ-JS-###`` and
``SH-JS-###`` count independently. A serial wider than its run keeps counting (``BJ-JS-1000``).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from customer_onboarding.core.problems import Problem, ProblemError

DATE_TOKENS = ("YYYY", "YY", "MM")
FIELD_TOKENS = ("territory_code", "group_code")
TOKENS = FIELD_TOKENS + DATE_TOKENS
MAX_SERIES_KEY_LENGTH = 100

_PIECE = re.compile(r"\{([^{}]*)\}|(#+)|([^{}#]+)|([{}])")
_SEGMENT_CODE = re.compile(r"^[A-Z0-9]{1,10}$")


@dataclass(frozen=True)
class CodePattern:
	"""A parsed pattern: literal/token pieces before and after the serial run."""

	before: tuple[tuple[str, str], ...]
	width: int
	after: tuple[tuple[str, str], ...]

	@property
	def tokens(self) -> set[str]:
		return {value for kind, value in self.before + self.after if kind == "token"}


@dataclass(frozen=True)
class ResolvedPattern:
	prefix: str
	width: int
	suffix: str

	@property
	def series_key(self) -> str:
		return self.prefix + "#" * self.width + self.suffix

	def code(self, serial: int) -> str:
		return f"{self.prefix}{str(serial).zfill(self.width)}{self.suffix}"


def _pattern_error(code: str, pattern: str, *details: str) -> ProblemError:
	return ProblemError(Problem(code, "pattern", pattern, tuple(details)))


def parse_pattern(pattern: str) -> CodePattern:
	"""Split a pattern into pieces, or raise ProblemError naming what is wrong with it."""
	text = (pattern or "").strip()
	if not text:
		raise _pattern_error("pattern_empty", text)
	before: list[tuple[str, str]] = []
	after: list[tuple[str, str]] = []
	width = 0
	for match in _PIECE.finditer(text):
		token, hashes, literal, stray = match.groups()
		if stray:
			raise _pattern_error("pattern_brace", text)
		if hashes:
			if width:
				raise _pattern_error("pattern_two_serials", text)
			width = len(hashes)
			continue
		if token is not None and token not in TOKENS:
			raise _pattern_error("pattern_unknown_token", text, token, ", ".join(f"{{{t}}}" for t in TOKENS))
		piece = ("token", token) if token is not None else ("literal", literal)
		(after if width else before).append(piece)
	if not width:
		raise _pattern_error("pattern_no_serial", text)
	return CodePattern(tuple(before), width, tuple(after))


def date_values(today: date) -> dict[str, str]:
	return {"YYYY": f"{today.year:04d}", "YY": f"{today.year % 100:02d}", "MM": f"{today.month:02d}"}


def _render(pieces: tuple[tuple[str, str], ...], values: Mapping[str, str]) -> str:
	return "".join(values[value] if kind == "token" else value for kind, value in pieces)


def resolve_pattern(pattern: CodePattern, values: Mapping[str, str | None], today: date) -> ResolvedPattern:
	"""Fill in the tokens. Raises ProblemError when a field token has no value to put in."""
	filled = {**{k: v for k, v in values.items() if v}, **date_values(today)}
	for token in sorted(pattern.tokens):
		if not filled.get(token):
			raise ProblemError(Problem("code_token_missing", token))
	resolved = ResolvedPattern(_render(pattern.before, filled), pattern.width, _render(pattern.after, filled))
	if len(resolved.series_key) > MAX_SERIES_KEY_LENGTH:
		raise ProblemError(Problem("code_too_long", "pattern", resolved.series_key))
	return resolved


def normalise_segment_code(value: str | None) -> str:
	return (value or "").strip().upper()


def is_valid_segment_code(value: str) -> bool:
	"""Territory and customer group codes: 1 to 10 letters or digits."""
	return bool(_SEGMENT_CODE.match(value))


def serial_in_series(code: str, resolved: ResolvedPattern) -> int | None:
	"""The serial of a code the series itself would give (``BJ-JS-017`` in ``BJ-JS-###``), or None: a code kept
	from another system must push the series' counter past it."""
	digits = code[len(resolved.prefix) : len(code) - len(resolved.suffix)]
	if not (digits.isascii() and digits.isdigit()) or not code.startswith(resolved.prefix):
		return None
	serial = int(digits)
	return serial if resolved.code(serial) == code else None
