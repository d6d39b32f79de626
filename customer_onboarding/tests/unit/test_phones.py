import unittest

from customer_onboarding.core.phones import is_known_region, normalise_phone
from customer_onboarding.core.problems import ProblemError


class TestPhones(unittest.TestCase):
	def assert_problem(self, raw: str, code: str, **kwargs):
		with self.assertRaises(ProblemError) as caught:
			normalise_phone(raw, "CN", "mobile_no", **kwargs)
		self.assertEqual(caught.exception.problem.code, code)
		self.assertEqual(caught.exception.problem.fieldname, "mobile_no")

	def test_chinese_mobile_in_any_typing_is_stored_as_e164(self):
		for typed in (
			"13812345678",
			"138 1234 5678",
			"+86 138-1234-5678",
			"１３８１２３４５６７８",
			"8613812345678",
		):
			self.assertEqual(normalise_phone(typed, "CN", mobile=True), "+8613812345678", typed)

	def test_landline_with_area_code(self):
		self.assertEqual(normalise_phone("010-6552 9988", "CN"), "+861065529988")

	def test_landline_is_not_a_mobile(self):
		self.assert_problem("010-65529988", "phone_not_mobile", mobile=True)

	def test_invalid_and_unreadable_numbers(self):
		self.assert_problem("12345", "phone_invalid")
		self.assert_problem("abc", "phone_unreadable")

	def test_other_region(self):
		self.assertEqual(normalise_phone("020 7946 0958", "GB"), "+442079460958")

	def test_empty_stays_empty(self):
		self.assertEqual(normalise_phone("  ", "CN"), "")

	def test_regions(self):
		self.assertTrue(is_known_region("cn"))
		self.assertFalse(is_known_region("XX"))
