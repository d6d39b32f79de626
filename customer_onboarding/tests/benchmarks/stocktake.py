"""Benchmark of a stocktake run: CUSTOMERS customers and up to INVOICES submitted Sales Invoices, written with SQL.

Run by scripts/benchmark-stocktake. The invoices grow in steps (100k, 250k, 500k, 1M by default) and a stocktake
of the whole period is timed end to end at each step: the queries, pandas and the write-back.
"""

import random
import resource
import time

import frappe
from frappe.utils import add_days, getdate, now

from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.stocktake.run import run_stocktake
from customer_onboarding.tests.benchmarks.entry import traceback_printed
from customer_onboarding.tests.benchmarks.match_keys import legacy_values
from customer_onboarding.tests.data import customers
from customer_onboarding.tests.utils import company

INVOICE_FIELDS = [
	"name",
	"customer",
	"company",
	"posting_date",
	"base_grand_total",
	"grand_total",
	"docstatus",
]
INVOICE_FIELDS += ["is_return", "creation", "modified", "owner", "modified_by"]
START = getdate("2024-01-01")
DAYS = 730


@traceback_printed
def main(
	invoices: int = 1_000_000, customer_count: int = 50_000, steps: str = "100000,250000,500000,1000000"
) -> None:
	measure(invoices, customer_count, [int(s) for s in steps.split(",") if int(s) <= invoices])


def measure(invoices: int, customer_count: int, steps: list[int]) -> None:
	from erpnext.setup.utils import before_tests

	frappe.set_user("Administrator")
	before_tests()
	names = make_customers(customer_count)
	written, rows = 0, []
	for step in steps:
		write_invoices(names, written, step - written)
		written = step
		rows.append((step, *timed_run()))
	print(f"\nStocktake of {customer_count:,} customers (2 years of invoices), end to end")
	print(f"{'invoices':>10} {'seconds':>8} {'peak RSS MB':>12}")
	for step, seconds, peak in rows:
		print(f"{step:>10,} {seconds:>8.1f} {peak:>12.0f}")


def make_customers(count: int) -> list[str]:
	stamp = now()
	values = [legacy_values(i, row, stamp) for i, row in enumerate(customers(count, seed=3, start=9_000_000))]
	fields = ["name", "customer_name", "customer_type", "customer_group", "territory", "tax_id", "mobile_no"]
	fields += ["email_id", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]
	for start in range(0, count, 10_000):
		frappe.db.bulk_insert("Customer", fields, values[start : start + 10_000])
	fill_match_keys(only_missing=True)
	frappe.db.commit()
	return [v[0] for v in values]


def write_invoices(names: list[str], offset: int, count: int) -> None:
	"""Buyers follow a long tail: a few customers buy often, most rarely, one in ten never."""
	rng, stamp, firm = random.Random(offset), now(), company()
	buyers = names[: int(len(names) * 0.9)]
	weights = [1 / (i + 1) ** 0.8 for i in range(len(buyers))]
	for start in range(0, count, 50_000):
		size = min(50_000, count - start)
		chosen = rng.choices(buyers, weights=weights, k=size)
		rows = [
			(
				f"BENCH-SINV-{offset + start + i:08d}",
				customer,
				firm,
				add_days(START, rng.randrange(DAYS)),
				amount := round(rng.lognormvariate(7, 1), 2),
				amount,
				1,
				0,
				stamp,
				stamp,
				"Administrator",
				"Administrator",
			)
			for i, customer in enumerate(chosen)
		]
		frappe.db.bulk_insert("Sales Invoice", INVOICE_FIELDS, rows, chunk_size=10_000)
		frappe.db.commit()


def timed_run() -> tuple[float, float]:
	doc = frappe.get_doc(
		{
			"doctype": "Customer Stocktake",
			"company": company(),
			"period_from": add_days(START, 365),
			"period_to": add_days(START, DAYS - 1),
		}
	).insert()
	frappe.db.commit()
	start = time.perf_counter()
	run_stocktake(doc.name)
	seconds = time.perf_counter() - start
	assert frappe.db.get_value("Customer Stocktake", doc.name, "status") == "Completed"
	return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
