import unittest

from customer_onboarding.core.tax_id import (
	SCHEME_CN_USCC,
	SCHEME_NONE,
	normalise_tax_id,
	tax_id_problem,
	uscc_check_character,
	uscc_problem,
)

VALID = "91110108551385082Q"


class TestUscc(unittest.TestCase):
	def test_known_valid_codes(self):
		for code in (VALID, "91110000600037341L", "91350100M000100Y43"):
			self.assertIsNone(uscc_problem(code), code)

	def test_letter_registration_authority_is_accepted(self):
		body = "Y1110000MA0000001"
		self.assertIsNone(uscc_problem(body + uscc_check_character(body)))

	def test_wrong_check_character(self):
		self.assertEqual(uscc_problem(VALID[:-1] + "R").code, "uscc_checksum")

	def test_wrong_length_reports_the_length(self):
		problem = uscc_problem(VALID[:-2])
		self.assertEqual((problem.code, problem.details), ("uscc_length", ("16",)))

	def test_forbidden_letters(self):
		self.assertEqual(uscc_problem("9111010855138508IO").code, "uscc_format")

	def test_input_is_normalised_first(self):
		typed = " ９１１１ ０１０８ ５５１３ ８５０８ ２q "
		self.assertEqual(normalise_tax_id(typed), VALID)
		self.assertEqual(normalise_tax_id("9111-0108-5513-8508-2q"), VALID)

	def test_only_organisations_are_checked_under_the_scheme(self):
		self.assertIsNotNone(tax_id_problem("123", SCHEME_CN_USCC, "Company"))
		self.assertIsNotNone(tax_id_problem("123", SCHEME_CN_USCC, "Partnership"))
		self.assertIsNone(tax_id_problem("123", SCHEME_CN_USCC, "Individual"))
		self.assertIsNone(tax_id_problem("123", SCHEME_NONE, "Company"))
		self.assertIsNone(tax_id_problem("", SCHEME_CN_USCC, "Company"))
