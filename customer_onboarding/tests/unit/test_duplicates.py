import random
import unittest

from rapidfuzz import fuzz, process

from customer_onboarding.core.duplicates import NAME_FLOOR, NameIndex, Party, duplicate_pairs, party, rank
from customer_onboarding.core.match_keys import customer_keys
from customer_onboarding.core.names import normalise_name


class TestNameNormalisation(unittest.TestCase):
	def test_company_suffixes_in_chinese_and_english(self):
		self.assertEqual(normalise_name("北京华为技术有限公司"), "北京华为技术")
		self.assertEqual(normalise_name("上海某某集团股份有限公司"), "上海某某")
		self.assertEqual(normalise_name("Acme Co., Ltd."), "acme")
		self.assertEqual(normalise_name("ACME Inc"), "acme")

	def test_full_width_case_spaces_and_punctuation(self):
		self.assertEqual(normalise_name("ＡＣＭＥ　（中国）  有限责任公司"), "acme中国")

	def test_suffix_must_be_a_whole_word(self):
		self.assertEqual(normalise_name("Costco"), "costco")


class TestDuplicateScoring(unittest.TestCase):
	def setUp(self):
		self.base = [
			party("C-1", "北京示例科技有限公司", tax_id="91110108551385082Q", phone="+8613800138000"),
			party("C-2", "上海另一家贸易公司", email="buy@example.com"),
			party("C-3", "广州完全不同有限公司"),
		]

	def test_same_tax_id_scores_100(self):
		found = rank(party("new", "随便", tax_id="91110108551385082q"), self.base)
		self.assertEqual((found[0].name, found[0].score, found[0].reasons), ("C-1", 100, ["same_tax_id"]))

	def test_similar_name_after_suffixes_are_removed(self):
		found = rank(party("new", "北京示例科技股份有限公司"), self.base)
		self.assertEqual((found[0].name, found[0].score), ("C-1", 100))
		self.assertEqual(found[0].reasons, ["similar_name"])

	def test_phone_and_email(self):
		self.assertEqual(rank(party("n", "x", phone="+8613800138000"), self.base)[0].reasons, ["same_phone"])
		self.assertEqual(rank(party("n", "x", email="BUY@example.com"), self.base)[0].score, 85)

	def test_excluded_customer_and_unrelated_names(self):
		self.assertEqual(rank(party("n", "北京示例科技"), self.base, exclude="C-1"), [])

	def test_pairs_across_a_base_each_once(self):
		base = [
			*self.base,
			party("C-4", "北京示例科技（集团）有限公司"),
			party("C-5", "x", email="buy@example.com"),
		]
		pairs = duplicate_pairs(base, threshold=85)
		self.assertEqual(sorted((a.name, b.name) for a, b, _ in pairs), [("C-1", "C-4"), ("C-2", "C-5")])


class TestPartiesWithManyKeys(unittest.TestCase):
	def test_any_shared_phone_of_a_contact_is_a_match(self):
		stored = Party(
			"C-9", "广州某某", frozenset(customer_keys("广州某某", None, ["020 1234 5678", "139 8765 4321"]))
		)
		found = rank(party("n", "x", phone="+86 139 8765 4321"), [stored])
		self.assertEqual((found[0].name, found[0].reasons), ("C-9", ["same_phone"]))


class TestNameIndex(unittest.TestCase):
	def test_finds_what_scoring_every_name_finds(self):
		rng = random.Random(5)
		names = [
			"".join(rng.choice("北京海上海华信达科技源") for _ in range(rng.randint(1, 9)))
			for _ in range(3000)
		]
		index = NameIndex(names)
		for query in ["北京华信科技", "海海海上", "华", "上海信达源科技发展", *rng.sample(names, 40)]:
			with self.subTest(query):
				every = process.extract(query, names, scorer=fuzz.ratio, score_cutoff=NAME_FLOOR, limit=50)
				self.assertEqual(index.similar(query), [i for _name, _score, i in every])

	def test_repeated_characters_count_as_often_as_both_names_hold_them(self):
		index = NameIndex(["海海", "海", "山"])
		self.assertEqual(index.similar("海海"), [0, 1])
		self.assertEqual(index.similar("山海"), [1, 2], "one 海 shared with 海海 is 50, below the floor")

	def test_an_empty_name_or_an_empty_base_finds_nothing(self):
		self.assertEqual(NameIndex(["北京华信"]).similar(""), [])
		self.assertEqual(NameIndex([]).similar("北京华信"), [])
