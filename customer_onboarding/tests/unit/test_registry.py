import unittest
from datetime import datetime

from customer_onboarding.core.registry import (
	ADDRESS_DIFFERS,
	DEREGISTERED,
	NAME_DIFFERS,
	NOT_ACTIVE,
	NOT_FOUND,
	RegistryFacts,
	RegistrySetupError,
	is_blocking,
	is_fresh,
	mismatches,
	parse_mapping,
	read_facts,
	request_path,
	retry_delays,
)

MAPPING = {
	"registered_name": "data.name",
	"status": "data.status",
	"registered_address": "data.address",
	"legal_representative": "data.people.0.name",
}
ANSWER = {
	"data": {
		"name": "北京示例科技有限公司",
		"status": "存续（在营、开业、在册）",
		"address": "北京市海淀区中关村大街１号",
		"people": [{"name": "王五"}],
	}
}


def facts(**values) -> RegistryFacts:
	return RegistryFacts(
		found=True, **{"registered_name": "北京示例科技有限公司", "status": "存续", **values}
	)


class TestRequest(unittest.TestCase):
	def test_the_code_goes_where_the_template_says_url_encoded(self):
		self.assertEqual(request_path("/v1/company?code={uscc}", "91 A/B"), "/v1/company?code=91%20A%2FB")

	def test_a_template_without_the_code_is_refused(self):
		self.assertRaises(RegistrySetupError, request_path, "/v1/company", "911")


class TestMapping(unittest.TestCase):
	def test_paths_reach_into_objects_and_lists(self):
		read = read_facts(ANSWER, MAPPING)
		self.assertEqual((read.found, read.legal_representative, read.missing), (True, "王五", ()))

	def test_a_mapped_fact_the_answer_lacks_is_listed_not_invented(self):
		read = read_facts({"data": {"name": "甲公司"}}, MAPPING)
		self.assertEqual(read.missing, ("status", "registered_address", "legal_representative"))
		self.assertIsNone(read.status)

	def test_no_name_means_not_found(self):
		self.assertFalse(read_facts({"data": None}, MAPPING).found)

	def test_mapping_must_be_json_paths_of_known_facts_with_the_name(self):
		for text in (
			"not json",
			'["data.name"]',
			'{"registered_name": 3}',
			'{"founder": "a.b", "registered_name": "n"}',
			'{"status": "s"}',
		):
			self.assertRaises(RegistrySetupError, parse_mapping, text)
		self.assertEqual(parse_mapping('{"registered_name": "data.name"}'), {"registered_name": "data.name"})


class TestMismatches(unittest.TestCase):
	def test_same_company_typed_differently_matches(self):
		read = read_facts(ANSWER, MAPPING)
		self.assertEqual(mismatches(read, "北京示例科技有限公司 ", "北京市海淀区 中关村大街1号"), [])

	def test_a_different_name_and_address(self):
		self.assertEqual(
			mismatches(facts(registered_address="上海市"), "北京另一家科技有限公司", "北京市"),
			[NAME_DIFFERS, ADDRESS_DIFFERS],
		)

	def test_deregistered_is_blocking_and_other_states_are_not_active(self):
		self.assertEqual(mismatches(facts(status="注销"), "北京示例科技有限公司", None), [DEREGISTERED])
		self.assertTrue(is_blocking([DEREGISTERED]))
		self.assertEqual(mismatches(facts(status="停业"), "北京示例科技有限公司", None), [NOT_ACTIVE])
		self.assertFalse(is_blocking([NOT_ACTIVE, NAME_DIFFERS]))

	def test_not_found_is_blocking(self):
		self.assertEqual(mismatches(RegistryFacts(found=False), "甲", None), [NOT_FOUND])
		self.assertTrue(is_blocking([NOT_FOUND]))


class TestTiming(unittest.TestCase):
	def test_freshness(self):
		now = datetime(2026, 11, 27, 12)
		self.assertTrue(is_fresh(datetime(2026, 11, 1), now, 30))
		self.assertFalse(is_fresh(datetime(2026, 10, 1), now, 30))
		self.assertFalse(is_fresh(None, now, 30))

	def test_retries_back_off(self):
		self.assertEqual(retry_delays(3), [0.5, 1.0, 2.0])
		self.assertEqual(retry_delays(0), [])
