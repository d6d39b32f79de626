import unittest
from datetime import date

from customer_onboarding.core.codes import (
	is_valid_segment_code,
	normalise_segment_code,
	parse_pattern,
	resolve_pattern,
	serial_in_series,
)
from customer_onboarding.core.problems import ProblemError

TODAY = date(2026, 3, 9)


def resolve(pattern: str, **values: str):
	return resolve_pattern(parse_pattern(pattern), values, TODAY)


class TestPatternParsing(unittest.TestCase):
	def assert_problem(self, pattern: str, code: str):
		with self.assertRaises(ProblemError) as caught:
			parse_pattern(pattern)
		self.assertEqual(caught.exception.problem.code, code)

	def test_kingdee_style_pattern_gives_region_type_serial(self):
		resolved = resolve("{territory_code}-{group_code}-###", territory_code="BJ", group_code="JS")
		self.assertEqual(resolved.code(1), "BJ-JS-001")
		self.assertEqual(resolved.series_key, "BJ-JS-###")

	def test_serial_keeps_counting_past_its_width(self):
		resolved = resolve("{territory_code}-{group_code}-###", territory_code="BJ", group_code="JS")
		self.assertEqual(resolved.code(1000), "BJ-JS-1000")

	def test_date_tokens(self):
		self.assertEqual(resolve("C{YYYY}{MM}-####").code(7), "C202603-0007")
		self.assertEqual(resolve("C{YY}#####").code(12), "C2600012")

	def test_text_after_the_serial_is_part_of_the_series(self):
		resolved = resolve("##-{territory_code}", territory_code="SH")
		self.assertEqual(resolved.code(3), "03-SH")
		self.assertEqual(resolved.series_key, "##-SH")

	def test_different_prefixes_have_different_series(self):
		beijing = resolve("{territory_code}-{group_code}-###", territory_code="BJ", group_code="JS")
		shanghai = resolve("{territory_code}-{group_code}-###", territory_code="SH", group_code="JS")
		self.assertNotEqual(beijing.series_key, shanghai.series_key)

	def test_bad_patterns_are_refused_with_a_reason(self):
		self.assert_problem("", "pattern_empty")
		self.assert_problem("BJ-JS", "pattern_no_serial")
		self.assert_problem("##-{YY}-##", "pattern_two_serials")
		self.assert_problem("{city}-###", "pattern_unknown_token")
		self.assert_problem("{YY-###", "pattern_brace")

	def test_missing_token_value_is_named(self):
		with self.assertRaises(ProblemError) as caught:
			resolve("{territory_code}-###", territory_code="")
		self.assertEqual(caught.exception.problem.code, "code_token_missing")
		self.assertEqual(caught.exception.problem.fieldname, "territory_code")

	def test_overlong_series_is_refused(self):
		with self.assertRaises(ProblemError) as caught:
			resolve("X" * 120 + "###")
		self.assertEqual(caught.exception.problem.code, "code_too_long")


class TestSegmentCodes(unittest.TestCase):
	def test_codes_are_upper_cased_and_trimmed(self):
		self.assertEqual(normalise_segment_code(" bj "), "BJ")

	def test_only_letters_and_digits_up_to_ten(self):
		self.assertTrue(is_valid_segment_code("BJ01"))
		self.assertFalse(is_valid_segment_code("B-J"))
		self.assertFalse(is_valid_segment_code(""))
		self.assertFalse(is_valid_segment_code("ABCDEFGHIJK"))


class TestSerialInSeries(unittest.TestCase):
	def test_a_code_the_series_would_give_has_its_serial(self):
		series = resolve("{territory_code}-{group_code}-###", territory_code="BJ", group_code="JS")
		self.assertEqual(serial_in_series("BJ-JS-017", series), 17)
		self.assertEqual(serial_in_series("BJ-JS-1000", series), 1000)

	def test_a_suffix_after_the_serial_is_part_of_the_series(self):
		self.assertEqual(serial_in_series("C0042X", resolve("C####X")), 42)
		self.assertIsNone(serial_in_series("C0042", resolve("C####X")))

	def test_codes_the_series_would_never_give_have_none(self):
		series = resolve("BJ-###")
		for code in ("SH-017", "BJ-17", "BJ-0017", "BJ-01A", "BJ-", "BJ-\uff11\uff12\uff13", "017"):
			with self.subTest(code=code):
				self.assertIsNone(serial_in_series(code, series))
