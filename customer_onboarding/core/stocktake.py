"""Customer stocktake (客户盘点) without frappe: RFM scores, value tiers and data quality scores with pandas.

Recency, frequency and monetary value come from the invoices inside the period; first and last purchase from the
whole history up to the period's end. R, F and M are scored 1-5 by quintiles among the customers that bought in
the period (the most recent, most frequent and largest buyers score 5); a customer that did not buy in the
period scores 1-1-1. Each customer then gets the first tier of TIER_RULES that holds.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

HIGH_VALUE = "High value"
POTENTIAL = "Potential"
AT_RISK = "At risk"
CHURNED = "Churned"
NEW = "New"
LOW_VALUE = "Low value"
NO_PURCHASES = "No purchases"

# The rules, in order: the first that holds gives the tier. README.md shows the same table.
TIER_RULES: tuple[tuple[str, str], ...] = (
	(NO_PURCHASES, "no submitted invoice up to the period's end"),
	(CHURNED, "last invoice more than the churn threshold (days) before the period's end"),
	(NEW, "first invoice inside the period"),
	(HIGH_VALUE, "R >= 4 and F >= 4 and M >= 4"),
	(AT_RISK, "R <= 2"),
	(POTENTIAL, "F >= 3 or M >= 3"),
	(LOW_VALUE, "every other customer"),
)
TIERS = tuple(tier for tier, _rule in TIER_RULES)
SCORES = 5

# Data quality: each part scores 0-1 and weighs this much in the 0-100 score.
QUALITY_WEIGHTS = {"completeness": 30, "validity": 30, "uniqueness": 20, "freshness": 20}


@dataclass(frozen=True)
class Period:
	start: date
	end: date
	churn_days: int = 180


def quintile_scores(values: pd.Series, higher_is_better: bool = True) -> pd.Series:
	"""1-5 by quintiles of percentile rank; equal values share a score (their average rank)."""
	if values.empty:
		return pd.Series(dtype="int64")
	ranks = values.rank(method="average", ascending=higher_is_better, pct=True)
	return np.ceil(ranks * SCORES).astype("int64").clip(1, SCORES)


def rfm_table(
	purchases: pd.DataFrame, history: pd.DataFrame, customers: pd.DataFrame, period: Period
) -> pd.DataFrame:
	"""One row per customer of `customers` (columns name, creation) with R, F, M, tenure and tier.

	`purchases`: customer, frequency (invoices) and monetary (company currency) inside the period.
	`history`: customer, first_invoice, last_invoice over the whole history up to the period's end.
	"""
	end = pd.Timestamp(period.end)
	table = customers.set_index("name")[["creation"]].copy()
	table = table.join(purchases.set_index("customer")[["frequency", "monetary"]])
	table = table.join(history.set_index("customer")[["first_invoice", "last_invoice"]])
	table["frequency"] = table["frequency"].fillna(0).astype("int64")
	table["monetary"] = table["monetary"].fillna(0.0)
	table["recency_days"] = (end - pd.to_datetime(table["last_invoice"])).dt.days
	bought = table["frequency"] > 0
	table["r"], table["f"], table["m"] = 1, 1, 1
	table.loc[bought, "r"] = quintile_scores(-table.loc[bought, "recency_days"].astype(float))
	table.loc[bought, "f"] = quintile_scores(table.loc[bought, "frequency"].astype(float))
	table.loc[bought, "m"] = quintile_scores(table.loc[bought, "monetary"].astype(float))
	table["rfm_score"] = table["r"].astype(str) + table["f"].astype(str) + table["m"].astype(str)
	started = pd.to_datetime(table["first_invoice"]).fillna(pd.to_datetime(table["creation"]))
	table["tenure_days"] = (end - started).dt.days.clip(lower=0)
	table["tier"] = tiers(table, period)
	return table.reset_index().rename(columns={"index": "name"})


def tiers(table: pd.DataFrame, period: Period) -> pd.Series:
	"""The tier of each row: TIER_RULES as vectorised conditions, the first that holds wins."""
	first = pd.to_datetime(table["first_invoice"])
	conditions = {
		NO_PURCHASES: table["last_invoice"].isna(),
		CHURNED: table["recency_days"] > period.churn_days,
		NEW: first >= pd.Timestamp(period.start),
		HIGH_VALUE: (table["r"] >= 4) & (table["f"] >= 4) & (table["m"] >= 4),
		AT_RISK: table["r"] <= 2,
		POTENTIAL: (table["f"] >= 3) | (table["m"] >= 3),
		LOW_VALUE: pd.Series(True, index=table.index),
	}
	chosen = np.select(
		[conditions[tier].to_numpy(dtype=bool) for tier in TIERS], list(TIERS), default=LOW_VALUE
	)
	return pd.Series(chosen, index=table.index)


def quality_score(completeness: float, validity: float, uniqueness: float, freshness: float) -> int:
	"""0-100 from four parts each between 0 and 1."""
	parts = {
		"completeness": completeness,
		"validity": validity,
		"uniqueness": uniqueness,
		"freshness": freshness,
	}
	return round(sum(QUALITY_WEIGHTS[k] * min(max(v, 0.0), 1.0) for k, v in parts.items()))


def tier_moves(before: dict[str, str], after: dict[str, str]) -> dict[tuple[str, str], int]:
	"""How many customers went from one tier to another between two runs (customers in both)."""
	moves: dict[tuple[str, str], int] = {}
	for customer, tier in after.items():
		old = before.get(customer)
		if old and old != tier:
			moves[(old, tier)] = moves.get((old, tier), 0) + 1
	return moves
