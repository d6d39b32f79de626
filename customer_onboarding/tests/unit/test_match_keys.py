import unittest

from customer_onboarding.core.limits import too_long, too_many
from customer_onboarding.core.match_keys import (
	EMAIL,
	NAME,
	PHONE,
	TAX_ID,
	customer_keys,
	email_key,
	phone_key,
	tax_id_key,
)


class TestMatchKeys(unittest.TestCase):
	def test_phones_typed_any_way_give_one_key(self):
		for typed in (
			"139 8765 4321",
			"13987654321",
			"+86 139 8765 4321",
			"+8613987654321",
			"１３９８７６５４３２１",
		):
			self.assertEqual(phone_key(typed, "CN"), "+8613987654321", typed)

	def test_an_unparseable_phone_is_compared_by_its_digits(self):
		self.assertEqual(phone_key("tel 12-34-56-7", "CN"), "1234567")
		self.assertEqual(phone_key("n/a", "CN"), "")
		self.assertEqual(phone_key("12345", "CN"), "")

	def test_legacy_tax_id_with_spaces_and_lower_case(self):
		self.assertEqual(tax_id_key(" 911100 003gn6hc9hpf"), "911100003GN6HC9HPF")

	def test_email_case_and_spaces(self):
		self.assertEqual(email_key("  Buy@Example.COM "), "buy@example.com")

	def test_customer_keys_cover_every_phone_and_email_and_skip_blanks(self):
		keys = customer_keys(
			"北京示例科技有限公司",
			" 911100 003gn6hc9hpf",
			["139 8765 4321", None, ""],
			["a@example.com", "B@example.com", None],
			"CN",
		)
		self.assertEqual(
			keys,
			{
				(NAME, "北京示例科技"),
				(TAX_ID, "911100003GN6HC9HPF"),
				(PHONE, "+8613987654321"),
				(EMAIL, "a@example.com"),
				(EMAIL, "b@example.com"),
			},
		)


class TestLimits(unittest.TestCase):
	def test_lengths_and_counts(self):
		self.assertTrue(too_long("x" * 141, 140))
		self.assertFalse(too_long("x" * 140, 140))
		self.assertFalse(too_long(None, 140))
		self.assertTrue(too_many(list(range(1001))))
		self.assertFalse(too_many("x" * 5000))
