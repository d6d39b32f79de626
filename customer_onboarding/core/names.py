"""Customer names reduced to what identifies the business, for duplicate detection."""

import re

from customer_onboarding.core.text import to_half_width

# Longest first, so 股份有限公司 goes before 有限公司.
COMPANY_SUFFIXES = sorted(
	{
		"股份有限公司",
		"有限责任公司",
		"有限公司",
		"集团公司",
		"集团",
		"公司",
		"分公司",
		"co ltd",
		"co limited",
		"company limited",
		"corporation",
		"company",
		"limited",
		"holdings",
		"group",
		"corp",
		"ltd",
		"inc",
		"llc",
		"plc",
		"gmbh",
		"co",
	},
	key=len,
	reverse=True,
)
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]")


def simplify(name: str | None) -> str:
	"""Half-width, lower case, punctuation as single spaces."""
	return _PUNCTUATION.sub(" ", to_half_width(name or "").casefold()).strip()


def strip_suffixes(text: str) -> str:
	changed = True
	while changed:
		changed = False
		for suffix in COMPANY_SUFFIXES:
			if text.endswith(suffix) and len(text) > len(suffix) and _is_word_end(text, suffix):
				text = text[: -len(suffix)].strip()
				changed = True
				break
	return text


def _is_word_end(text: str, suffix: str) -> bool:
	"""Latin suffixes must be whole words ("co" in "costco" is not a suffix); Chinese ones need no space."""
	if _CJK.search(suffix):
		return True
	return text[: -len(suffix)].endswith(" ")


def normalise_name(name: str | None) -> str:
	"""The comparable core of a customer name: 北京华为技术有限公司 -> 北京华为技术, "Acme Co., Ltd." -> acme."""
	return strip_suffixes(simplify(name)).replace(" ", "")
