import unittest

from customer_onboarding.core.rules import match_rule, pick_rule

GROUPS = ["Distributor", "Commercial", "All Customer Groups"]
TERRITORIES = ["Beijing", "North China", "China", "All Territories"]


def match(name: str, group: str | None = None, territory: str | None = None, priority: int = 0):
	return match_rule(name, priority, group, GROUPS, territory, TERRITORIES)


class TestRuleChoice(unittest.TestCase):
	def test_rule_limited_to_another_branch_does_not_match(self):
		self.assertIsNone(match("shanghai", territory="Shanghai"))

	def test_ancestor_limit_matches_descendants(self):
		self.assertEqual(match("china", territory="China").territory_distance, 2)

	def test_rule_with_both_limits_beats_one_limit(self):
		both = match("both", group="All Customer Groups", territory="All Territories")
		one = match("one", territory="Beijing", priority=99)
		self.assertEqual(pick_rule([one, both]).name, "both")

	def test_closer_limit_beats_farther(self):
		near = match("near", territory="Beijing")
		far = match("far", territory="China", priority=10)
		self.assertEqual(pick_rule([far, near]).name, "near")

	def test_priority_breaks_ties(self):
		low = match("low", priority=1)
		high = match("high", priority=5)
		self.assertEqual(pick_rule([low, high]).name, "high")

	def test_no_rule(self):
		self.assertIsNone(pick_rule([]))
