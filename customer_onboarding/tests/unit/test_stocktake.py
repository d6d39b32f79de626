import unittest
from datetime import date

import pandas as pd

from customer_onboarding.core.stocktake import (
	AT_RISK,
	CHURNED,
	HIGH_VALUE,
	LOW_VALUE,
	NEW,
	NO_PURCHASES,
	POTENTIAL,
	Period,
	quality_score,
	quintile_scores,
	rfm_table,
	tier_moves,
)

PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30), churn_days=180)


def frames(invoices: dict[str, list[tuple[str, float]]], before_period: dict[str, str]):
	"""Invoices per customer inside the period as (date, amount); the first invoice of those that bought before."""
	rows = [(c, pd.Timestamp(d), a) for c, items in invoices.items() for d, a in items]
	inside = (
		pd.DataFrame(rows, columns=["customer", "posting_date", "amount"])
		.groupby("customer")
		.agg(frequency=("posting_date", "size"), monetary=("amount", "sum"))
		.reset_index()
	)
	names = sorted(set(invoices) | set(before_period) | {"NONE"})
	history = []
	for name in names:
		dates = [pd.Timestamp(d) for d, _a in invoices.get(name, [])]
		earlier = [pd.Timestamp(before_period[name])] if name in before_period else []
		if dates or earlier:
			history.append((name, min(dates + earlier), max(dates + earlier)))
	customers = pd.DataFrame({"name": names, "creation": pd.Timestamp("2025-01-01")})
	return inside, pd.DataFrame(history, columns=["customer", "first_invoice", "last_invoice"]), customers


class TestTiers(unittest.TestCase):
	def test_each_rule_on_a_hand_made_history(self):
		# Worked out by hand. Buyers in the period, by recency (days before 30 June), invoices and amount:
		# BIG 5 d, 6, 18000 -> 5-5-5; BIG2 5 d, 5, 15000 -> 5-4-4 (ties SLIPPING on amount: average rank);
		# SMALL 10 d, 1, 10 -> 3-2-2; FRESH 29 d, 1, 10 -> 2-2-2; SLIPPING 140 d, 3, 15000 -> 1-3-4.
		monthly = [(f"2026-0{m}-25", 3000.0) for m in range(1, 7)]
		inside, history, customers = frames(
			{
				"BIG": monthly,
				"BIG2": monthly[1:],
				"SLIPPING": [("2026-01-20", 5000.0), ("2026-02-01", 5000.0), ("2026-02-10", 5000.0)],
				"FRESH": [("2026-06-01", 10.0)],  # first invoice ever inside the period
				"SMALL": [("2026-06-20", 10.0)],
			},
			before_period={
				"BIG": "2025-03-01",
				"BIG2": "2025-03-01",
				"SLIPPING": "2025-05-01",
				"SMALL": "2025-11-01",
				"GONE": "2025-10-01",  # nothing since: 272 days before the end
				"QUIET": "2025-12-20",  # nothing in the period, 192 days: churned too
			},
		)
		table = rfm_table(inside, history, customers, PERIOD).set_index("name")
		self.assertEqual(
			table["rfm_score"].to_dict(),
			{
				"BIG": "555",
				"BIG2": "544",
				"SMALL": "322",
				"FRESH": "222",
				"SLIPPING": "134",
				"GONE": "111",
				"QUIET": "111",
				"NONE": "111",
			},
		)
		self.assertEqual(
			table["tier"].to_dict(),
			{
				"BIG": HIGH_VALUE,
				"BIG2": HIGH_VALUE,
				"FRESH": NEW,
				"GONE": CHURNED,
				"NONE": NO_PURCHASES,
				"QUIET": CHURNED,
				"SLIPPING": AT_RISK,
				"SMALL": LOW_VALUE,
			},
		)
		self.assertEqual(
			table.loc["NONE", "tenure_days"], (pd.Timestamp("2026-06-30") - pd.Timestamp("2025-01-01")).days
		)

	def test_potential_buys_often_or_much_but_is_not_top(self):
		inside, history, customers = frames(
			{
				"A": [("2026-06-28", 9000.0)],
				"B": [("2026-06-27", 10.0)],
				"C": [("2026-06-26", 20.0)],
				"D": [("2026-05-01", 30.0)],
				"E": [("2026-04-01", 40.0)],
			},
			before_period={k: "2025-12-01" for k in "ABCDE"},
		)
		table = rfm_table(inside, history, customers, PERIOD).set_index("name")
		self.assertEqual(table.loc["A", "rfm_score"], "535")
		self.assertEqual(table.loc["A", "tier"], POTENTIAL)

	def test_quintiles(self):
		self.assertEqual(
			quintile_scores(pd.Series([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10])).tolist(),
			[1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
		)
		self.assertEqual(quintile_scores(pd.Series([7.0])).tolist(), [5])


class TestQualityAndMoves(unittest.TestCase):
	def test_quality_score(self):
		self.assertEqual(quality_score(1, 1, 1, 1), 100)
		self.assertEqual(quality_score(0.5, 1, 0, 1), 65)

	def test_tier_moves(self):
		self.assertEqual(
			tier_moves({"a": NEW, "b": HIGH_VALUE}, {"a": HIGH_VALUE, "b": HIGH_VALUE, "c": NEW}),
			{(NEW, HIGH_VALUE): 1},
		)
