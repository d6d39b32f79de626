"""Scoring how likely two customers are the same business (0-100) and saying why."""

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from customer_onboarding.core.match_keys import EMAIL, NAME, PHONE, TAX_ID, Key, customer_keys, values_of

SAME_TAX_ID = 100
SAME_PHONE = 90
SAME_EMAIL = 85
NAME_FLOOR = 60
IDENTIFIER_SIGNALS = (
	(TAX_ID, SAME_TAX_ID, "same_tax_id"),
	(PHONE, SAME_PHONE, "same_phone"),
	(EMAIL, SAME_EMAIL, "same_email"),
)


@dataclass(frozen=True)
class Party:
	"""What duplicate detection knows of a customer: its match keys (see `core.match_keys`)."""

	name: str
	customer_name: str = ""
	keys: frozenset[Key] = frozenset()

	@property
	def core_name(self) -> str:
		return next(iter(values_of(self.keys, NAME)), "")


@dataclass
class Candidate:
	name: str
	customer_name: str
	score: int
	reasons: list[str] = field(default_factory=list)


def party(name: str, customer_name=None, tax_id=None, phone=None, email=None, region: str = "CN") -> Party:
	"""A party from raw values, keyed as stored customers are."""
	keys = customer_keys(customer_name, tax_id, [phone], [email], region)
	return Party(name, customer_name or "", frozenset(keys))


def name_similarity(a: str, b: str) -> int:
	if not a or not b:
		return 0
	return round(fuzz.ratio(a, b))


def compare(query: Party, other: Party) -> Candidate | None:
	"""Score `other` as a duplicate of `query`; None below the name floor with no shared identifier."""
	shared = {kind for kind, _value in query.keys & other.keys}
	signals = [(score, reason) for kind, score, reason in IDENTIFIER_SIGNALS if kind in shared]
	similarity = name_similarity(query.core_name, other.core_name)
	if similarity >= NAME_FLOOR:
		signals.append((similarity, "similar_name"))
	if not signals:
		return None
	return Candidate(other.name, other.customer_name, max(s for s, _ in signals), [r for _, r in signals])


def rank(
	query: Party, others: Iterable[Party], exclude: str | None = None, limit: int = 20
) -> list[Candidate]:
	found = (compare(query, other) for other in others if other.name != exclude)
	return sorted((c for c in found if c), key=lambda c: (-c.score, c.name))[:limit]


class NameIndex:
	"""Every customer's core name, and for each character the names holding it, so that a look-up scores only the
	names that share enough characters to reach the name floor.

	`fuzz.ratio` is 200 * LCS / (len a + len b), and a common subsequence is no longer than the characters two
	names share (counted with repeats), so names sharing fewer than NAME_FLOOR * (len a + len b) / 200 characters
	cannot reach the floor and are skipped without a miss. On 100,000 names this scores a few hundred.

	A character is a token together with its occurrence in the name (the second 海 of a name is another token
	than the first), so that shared tokens count a repeated character as often as both names hold it. The
	postings are built with numpy: the index is rebuilt whenever a customer's keys change.
	"""

	def __init__(self, names: list[str]):
		self.names = names
		self.lengths = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
		owners = np.repeat(np.arange(len(names)), self.lengths)
		tokens = occurrence_tokens(owners, code_points("".join(names)))
		order = np.argsort(tokens, kind="stable")
		self.tokens, self.owners = tokens[order], owners[order]

	def similar(self, core_name: str, limit: int = 50) -> list[int]:
		"""Indexes of the names that reach the name floor, best first (rapidfuzz, in C++)."""
		if not core_name or not self.names:
			return []
		wanted = np.unique(
			occurrence_tokens(np.zeros(len(core_name), dtype=np.int64), code_points(core_name))
		)
		starts = np.searchsorted(self.tokens, wanted, side="left")
		ends = np.searchsorted(self.tokens, wanted, side="right")
		holders = np.concatenate([self.owners[a:b] for a, b in zip(starts, ends, strict=True)])
		shared = np.bincount(holders, minlength=len(self.names))
		candidates = np.flatnonzero(200 * shared >= NAME_FLOOR * (len(core_name) + self.lengths))
		choices = [self.names[i] for i in candidates]
		matches = process.extract(core_name, choices, scorer=fuzz.ratio, score_cutoff=NAME_FLOOR, limit=limit)
		return [int(candidates[index]) for _choice, _score, index in matches]


def code_points(text: str) -> np.ndarray:
	return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def occurrence_tokens(owners: np.ndarray, characters: np.ndarray) -> np.ndarray:
	"""For each character of the names (`owners` says whose), the character and its occurrence number in its
	name as one integer; occurrences past 255 share a token, which can only let more names through."""
	order = np.lexsort((characters, owners))
	owners, characters = owners[order], characters[order]
	count = len(order)
	first = np.ones(count, dtype=bool)
	first[1:] = (owners[1:] != owners[:-1]) | (characters[1:] != characters[:-1])
	run_start = np.maximum.accumulate(np.where(first, np.arange(count), 0))
	occurrence = np.arange(count) - run_start
	tokens = np.empty(count, dtype=np.int64)
	tokens[order] = characters * 256 + np.minimum(occurrence, 255)
	return tokens


MAX_BLOCK = 300


def blocking_keys(core_name: str) -> set[str]:
	"""Names are compared only with names sharing a character pair (a bigram)."""
	if len(core_name) < 2:
		return {core_name} if core_name else set()
	return {core_name[i : i + 2] for i in range(len(core_name) - 1)}


def duplicate_pairs(parties: list[Party], threshold: int) -> list[tuple[Party, Party, Candidate]]:
	"""Likely duplicate pairs in a whole customer base, each pair once.

	Candidates share a tax ID, phone or email, or a character pair of their names. A value shared by more than
	MAX_BLOCK customers (北京, 科技, a placeholder email) says nothing and is skipped, which keeps the work near
	linear; two names then still meet through the rarer pairs they share.
	"""
	pairs: dict[tuple[str, str], tuple[Party, Party]] = {}
	for a, b in _candidate_pairs(parties):
		key = (a.name, b.name) if a.name < b.name else (b.name, a.name)
		pairs.setdefault(key, (a, b))
	results = []
	for a, b in pairs.values():
		candidate = compare(a, b)
		if candidate and candidate.score >= threshold:
			results.append((a, b, candidate))
	return sorted(results, key=lambda r: (-r[2].score, r[0].name, r[1].name))


def _candidate_pairs(parties: list[Party]) -> Iterable[tuple[Party, Party]]:
	identifiers = {kind for kind, _score, _reason in IDENTIFIER_SIGNALS}
	for group in _blocks(parties, lambda p: [key for key in p.keys if key[0] in identifiers]):
		yield from ((a, b) for i, a in enumerate(group) for b in group[i + 1 :])
	for block in _blocks(parties, lambda p: blocking_keys(p.core_name)):
		yield from _similar_within(block)


def _blocks(parties: list[Party], keys_of) -> Iterable[list[Party]]:
	blocks: dict = {}
	for p in parties:
		for key in keys_of(p):
			blocks.setdefault(key, []).append(p)
	return (block for block in blocks.values() if 1 < len(block) <= MAX_BLOCK)


def _similar_within(block: list[Party]) -> Iterable[tuple[Party, Party]]:
	"""Pairs of a block whose names reach the floor, found with one rapidfuzz matrix per block."""
	names = [p.core_name for p in block]
	matrix = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=NAME_FLOOR, workers=-1)
	rows, cols = matrix.nonzero()
	for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
		if i < j:
			yield block[i], block[j]
