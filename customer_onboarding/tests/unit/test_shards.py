import unittest

from customer_onboarding.core.shards import share_count, split_into_shards


class TestShards(unittest.TestCase):
	def test_rows_without_a_counter_are_spread_evenly_and_keep_their_order(self):
		shards = split_into_shards(list(range(10)), 3, lambda _item: None)
		self.assertEqual([len(s) for s in shards], [4, 3, 3])
		self.assertEqual(sorted(x for s in shards for x in s), list(range(10)))
		for shard in shards:
			self.assertEqual(shard, sorted(shard))

	def test_rows_of_one_counter_stay_in_one_shard(self):
		items = [("A", i) for i in range(6)] + [("B", i) for i in range(2)] + [(None, i) for i in range(4)]
		shards = split_into_shards(items, 2, lambda item: item[0])
		holders = {
			prefix: {n for n, s in enumerate(shards) if any(x[0] == prefix for x in s)} for prefix in "AB"
		}
		self.assertEqual([len(h) for h in holders.values()], [1, 1])
		self.assertEqual(sorted(len(s) for s in shards), [6, 6])

	def test_one_counter_means_one_shard(self):
		self.assertEqual(len(split_into_shards([1, 2, 3], 4, lambda _item: "same")), 1)

	def test_no_rows_no_shards_and_never_more_shards_than_rows(self):
		self.assertEqual(split_into_shards([], 2, lambda _item: None), [])
		self.assertEqual(len(split_into_shards([1, 2], 8, lambda _item: None)), 2)


class TestWorkerCount(unittest.TestCase):
	def test_automatic_count_follows_cores_rows_and_the_cap(self):
		self.assertEqual(share_count(1000, 0, cpus=2), 2)
		self.assertEqual(share_count(150, 0, cpus=8), 1)
		self.assertEqual(share_count(100_000, 0, cpus=16), 4)

	def test_a_configured_count_is_used_but_never_more_than_the_rows(self):
		self.assertEqual(share_count(10, 3, cpus=1), 3)
		self.assertEqual(share_count(2, 8, cpus=8), 2)
		self.assertEqual(share_count(0, 0, cpus=2), 1)
