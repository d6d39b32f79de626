import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from customer_onboarding.coding import forget_rules
from customer_onboarding.core.codes import parse_pattern, resolve_pattern
from customer_onboarding.core.problems import ProblemError
from customer_onboarding.messages import problem_message

EXAMPLE_VALUES = {"territory_code": "BJ", "group_code": "JS"}


class CustomerCodeRule(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		enabled: DF.Check
		example: DF.Data | None
		for_customer_group: DF.Link | None
		for_territory: DF.Link | None
		pattern: DF.Data
		priority: DF.Int
		rule_name: DF.Data

	# end: auto-generated types
	def validate(self):
		try:
			pattern = parse_pattern(self.pattern)
		except ProblemError as error:
			frappe.throw(problem_message(error.problem, self), title=_("Invalid Pattern"))
		self.pattern = self.pattern.strip()
		self.example = resolve_pattern(pattern, EXAMPLE_VALUES, getdate()).code(1)

	def on_update(self):
		forget_rules()

	def on_trash(self):
		forget_rules()
