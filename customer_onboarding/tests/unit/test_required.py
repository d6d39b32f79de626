import unittest

from customer_onboarding.core.required import DEFAULT_MATRIX, missing_field_problems, required_fields_for


class TestRequiredFields(unittest.TestCase):
	def test_default_matrix(self):
		self.assertEqual(
			required_fields_for(DEFAULT_MATRIX, "Company"),
			["tax_id", "customer_group", "territory", "registered_address"],
		)
		self.assertEqual(required_fields_for(DEFAULT_MATRIX, "Individual"), ["mobile_no"])
		self.assertEqual(required_fields_for(DEFAULT_MATRIX, "Partnership"), [])

	def test_blank_values_are_missing(self):
		values = {"tax_id": "  ", "territory": "China", "customer_group": None}
		problems = missing_field_problems(
			values, ["tax_id", "territory", "customer_group", "registered_address"]
		)
		self.assertEqual([p.fieldname for p in problems], ["tax_id", "customer_group", "registered_address"])
		self.assertTrue(all(p.code == "required" for p in problems))
