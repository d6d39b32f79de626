import unittest

from customer_onboarding.core.merging import (
	Member,
	address_key,
	bank_account_key,
	choose_survivor,
	choose_values,
	chosen_changes,
	duplicate_groups,
)

VALID = "91110108000000001A"
INVALID = "91110108000000001X"


def member(name, modified, enabled=False, **values):
	return Member(name, modified, enabled, values)


class TestSurvivor(unittest.TestCase):
	def test_the_enabled_customer_survives(self):
		members = [member("A", "2026-01-02", True), member("B", "2026-03-01")]
		self.assertEqual(choose_survivor(members), "A")

	def test_otherwise_the_most_recently_updated(self):
		members = [member("A", "2026-01-02"), member("B", "2026-03-01")]
		self.assertEqual(choose_survivor(members), "B")


class TestValues(unittest.TestCase):
	def test_most_recent_value_that_is_not_empty(self):
		members = [
			member("A", "2026-01-01", mobile_no="+8613800000001", email_id="a@x.cn"),
			member("B", "2026-02-01", mobile_no="+8613800000002", email_id=""),
		]
		self.assertEqual(
			choose_values(members, ["mobile_no", "email_id"], set(), "A"), {"mobile_no": "B", "email_id": "A"}
		)

	def test_enabled_customers_sensitive_value_wins_over_a_newer_one(self):
		members = [member("A", "2026-01-01", True, tax_id="X1"), member("B", "2026-02-01", tax_id="X2")]
		self.assertEqual(choose_values(members, ["tax_id"], {"tax_id"}, "A"), {"tax_id": "A"})

	def test_not_sensitive_fields_take_the_newer_value_even_from_a_draft(self):
		members = [member("A", "2026-01-01", True, website="a.cn"), member("B", "2026-02-01", website="b.cn")]
		self.assertEqual(choose_values(members, ["website"], set(), "A"), {"website": "B"})

	def test_valid_uscc_wins_over_an_invalid_one_even_when_older_or_enabled(self):
		members = [member("A", "2026-03-01", True, tax_id=INVALID), member("B", "2026-01-01", tax_id=VALID)]
		self.assertEqual(choose_values(members, ["tax_id"], {"tax_id"}, "A"), {"tax_id": "B"})

	def test_a_uscc_as_written_wins_over_one_valid_only_once_normalised(self):
		members = [
			member("A", "2026-03-01", True, tax_id=VALID.lower()),
			member("B", "2026-01-01", tax_id=VALID),
		]
		self.assertEqual(choose_values(members, ["tax_id"], {"tax_id"}, "A"), {"tax_id": "B"})

	def test_no_value_anywhere_keeps_the_survivors(self):
		members = [member("A", "2026-01-01"), member("B", "2026-02-01")]
		self.assertEqual(choose_values(members, ["website"], set(), "A"), {"website": "A"})

	def test_a_tie_keeps_the_survivors_value(self):
		members = [member("A", "2026-01-01", website="a.cn"), member("B", "2026-01-01", website="b.cn")]
		self.assertEqual(choose_values(members, ["website"], set(), "B"), {"website": "B"})

	def test_changes_are_the_values_the_survivor_does_not_have(self):
		members = [
			member("A", "2026-01-01", website="a.cn", fax="1"),
			member("B", "2026-02-01", website="b.cn"),
		]
		self.assertEqual(chosen_changes(members, {"website": "B", "fax": "A"}, "A"), {"website": "b.cn"})


class TestDuplicateRecords(unittest.TestCase):
	def test_records_sharing_a_key_are_joined_through_each_other(self):
		keys = {"C1": {"p1"}, "C2": {"p1", "e2"}, "C3": {"e2"}, "C4": {"p4"}, "C5": set()}
		self.assertEqual(duplicate_groups(keys), [["C1", "C2", "C3"]])

	def test_address_key_ignores_width_case_spaces_and_punctuation(self):
		self.assertEqual(
			address_key("北京市海淀区 中关村大街１号", "Beijing", "100080"),
			address_key("北京市海淀区中关村大街1号", "beijing", " 100080"),
		)

	def test_bank_account_key_needs_a_number(self):
		self.assertEqual(bank_account_key("ICBC", "6222 0200-1234"), "ICBC|622202001234")
		self.assertEqual(bank_account_key("ICBC", ""), "")
