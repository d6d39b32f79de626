"""A problem found in customer data, described by a code the Frappe layer turns into a translated message."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
	code: str
	fieldname: str = ""
	value: str = ""
	details: tuple[str, ...] = field(default_factory=tuple)


class ProblemError(ValueError):
	def __init__(self, problem: Problem):
		super().__init__(problem.code)
		self.problem = problem
