import unittest

from customer_onboarding.core.change_requests import (
	as_text,
	changed_fields,
	credit_limit_text,
	moved_fields,
	parse_field_list,
)


class TestChangeRequestCore(unittest.TestCase):
	def test_field_list(self):
		self.assertEqual(parse_field_list("tax_id\n customer_name, tax_id\n\n"), ["tax_id", "customer_name"])

	def test_values_compare_as_text(self):
		self.assertEqual(as_text(30.0), "30")
		self.assertEqual(as_text(None), "")
		before = {"credit_days": 30, "tax_id": None, "territory": "China"}
		after = {"credit_days": "30", "tax_id": "", "territory": "India"}
		self.assertEqual(changed_fields(before, after, ["credit_days", "tax_id", "territory"]), ["territory"])

	def test_credit_limits_are_compared_whatever_their_order(self):
		a = [
			{"company": "B", "credit_limit": 10.0},
			{"company": "A", "credit_limit": 5, "bypass_credit_limit_check": 1},
		]
		b = [
			{"company": "A", "credit_limit": 5.0, "bypass_credit_limit_check": 1},
			{"company": "B", "credit_limit": 10},
		]
		self.assertEqual(credit_limit_text(a), credit_limit_text(b))
		self.assertEqual(credit_limit_text(a), "A: 5 (bypass)\nB: 10")

	def test_moved_fields(self):
		self.assertEqual(
			moved_fields({"tax_id": "X", "territory": "A"}, {"tax_id": "X", "territory": "B"}), ["territory"]
		)
