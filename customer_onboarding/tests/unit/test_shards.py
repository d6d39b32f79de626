import unittest

from customer_onboarding.core.shards import share_count, split_in_file_order


class TestShards(unittest.TestCase):
	def test_shares_are_runs_of_the_file_of_about_equal_size(self):
		shares = split_in_file_order(list(range(10)), 3, lambda _item: None)
		self.assertEqual(shares, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])

	def test_an_item_with_an_earlier_items_key_joins_its_share(self):
		items = ["a", "b", "c", "a", "d", "e", "b", "f"]
		shares = split_in_file_order(items, 2, lambda item: item if item in "ab" else None)
		self.assertEqual(shares, [["a", "b", "c", "a", "b"], ["d", "e", "f"]])

	def test_no_rows_no_shards_and_never_more_shards_than_rows(self):
		self.assertEqual(split_in_file_order([], 2, lambda _item: None), [])
		self.assertEqual(len(split_in_file_order([1, 2], 8, lambda _item: None)), 2)


class TestShareCount(unittest.TestCase):
	def test_automatic_count_follows_cores_rows_and_the_cap(self):
		self.assertEqual(share_count(1000, 0, cpus=2), 2)
		self.assertEqual(share_count(150, 0, cpus=8), 1)
		self.assertEqual(share_count(100_000, 0, cpus=16), 4)

	def test_a_configured_count_is_used_but_never_more_than_the_rows(self):
		self.assertEqual(share_count(10, 3, cpus=1), 3)
		self.assertEqual(share_count(2, 8, cpus=8), 2)
		self.assertEqual(share_count(0, 0, cpus=2), 1)
