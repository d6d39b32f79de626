"""The import as a user starts it: *Start Import* queues its shares as jobs on the long queue and `bench worker`
processes take them. Measured with 1, 2 and 4 workers for three code setups, each against ERPNext's Data Import
of the same kind of rows on the same site; run through scripts/benchmark-workers, which prints the table.

bench --site SITE execute customer_onboarding.tests.benchmarks.workers.main --kwargs "{'size': 2000}"
"""

import time

import frappe
from frappe.utils.background_jobs import get_queue, get_workers

from customer_onboarding.coding import forget_rules
from customer_onboarding.importing.jobs import queue_import
from customer_onboarding.tests.benchmarks.entry import traceback_printed
from customer_onboarding.tests.benchmarks.run import customer_import, start_stock_import, stock_data_import
from customer_onboarding.tests.data import customers
from customer_onboarding.tests.processes import frappe_process, kill_group
from customer_onboarding.tests.setup import before_tests
from customer_onboarding.tests.utils import make_group, make_rule, make_territory

SETUPS = ("single series", "several series", "no rule")
TERRITORIES = ("BMN", "BMS", "BME", "BMW")


@traceback_printed
def main(size: int = 2000, workers: str = "1,2,4", setups: str = ",".join(SETUPS)) -> None:
	measure(size, [int(n) for n in workers.split(",")], setups.split(","))


def measure(size: int, worker_counts: list[int], setups: list[str]) -> None:
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	before_tests()
	group, territories = code_segments()
	frappe.db.commit()
	offset = frappe.db.count("Customer") + 2_000_000
	results = []
	for setup in setups:
		use_rules(setup, group, territories)
		stock, offset = batch(size, offset, setup, group, territories)
		result = {"setup": setup, "stock": timed(start_stock_import, stock_data_import(stock))}
		for count in worker_counts:
			ours, offset = batch(size, offset, setup, group, territories)
			result[count] = imported_by_workers(customer_import(ours), count)
		results.append(result)
	print_table(size, worker_counts, results)


def code_segments() -> tuple[str, list[str]]:
	"""A customer group and four territories with codes, for the rules' segments."""
	group = make_group("Benchmark Customers", "BMK")
	return group, [make_territory(f"Benchmark {code}", code) for code in TERRITORIES]


def use_rules(setup: str, group: str, territories: list[str]) -> None:
	"""Only the rules of this setup are enabled: one series for the group, one per territory, or none."""
	for rule in frappe.get_all("Customer Code Rule", {"enabled": 1}, pluck="name"):
		frappe.db.set_value("Customer Code Rule", rule, "enabled", 0)
	forget_rules()
	if setup == "single series":
		make_rule("{group_code}-#######", customer_group=group)
	elif setup == "several series":
		for territory in territories:
			make_rule("{territory_code}-######", territory=territory)
	frappe.db.commit()


def batch(size: int, offset: int, setup: str, group: str, territories: list[str]) -> tuple[list[dict], int]:
	"""Rows in the benchmark group; with several series, spread over the territories in turn."""
	rows = customers(size, seed=offset, start=offset)
	for index, row in enumerate(rows):
		row["customer_group"] = group
		row["territory"] = (
			territories[index % len(territories)] if setup == "several series" else territories[0]
		)
	return rows, offset + size


def timed(fn, *args) -> float:
	start = time.perf_counter()
	fn(*args)
	frappe.db.commit()
	return time.perf_counter() - start


def imported_by_workers(import_name: str, count: int) -> float:
	"""Seconds from *Start Import* to the import's completion, with `count` shares and as many workers, started
	and registered before the clock starts."""
	frappe.db.set_single_value("Customer Onboarding Settings", "import_workers", count)
	frappe.db.commit()
	workers = start_workers(count)
	try:
		start = time.perf_counter()
		queue_import(frappe.get_doc("Customer Import", import_name))
		frappe.db.commit()
		wait_until_completed(import_name)
		return time.perf_counter() - start
	finally:
		for worker in workers:
			kill_group(worker)
		frappe.db.set_single_value("Customer Onboarding Settings", "import_workers", 0)
		frappe.db.commit()


def start_workers(count: int, seconds: int = 120) -> list:
	"""`count` worker processes, returned once each has registered with the long queue (an RQ worker's pid is
	its process's)."""
	workers = [frappe_process("worker", "--queue", "long", own_group=True) for _ in range(count)]
	deadline = time.time() + seconds
	while not {w.pid for w in workers} <= {w.pid for w in get_workers(get_queue("long"))}:
		if time.time() > deadline:
			raise TimeoutError("workers did not start")
		time.sleep(0.2)
	return workers


def wait_until_completed(import_name: str, seconds: int = 7200) -> None:
	deadline = time.time() + seconds
	while (status := frappe.db.get_value("Customer Import", import_name, "status")) != "Completed":
		if status == "Failed" or time.time() > deadline:
			raise RuntimeError(f"{import_name}: {status}")
		time.sleep(0.2)
		frappe.db.rollback()
	totals = frappe.db.get_value("Customer Import", import_name, ["created", "failed"])
	if totals[1]:
		raise RuntimeError(f"{import_name}: {totals[1]} rows failed")


def print_table(size: int, worker_counts: list[int], results: list[dict]) -> None:
	print(
		f"\nImport of {size:,} customers, each with one contact: customers per second, and the ratio to stock"
	)
	header = f"{'code setup':<16} {'stock':>7}" + "".join(
		f" {f'{n} worker(s)':>12} {'x stock':>8}" for n in worker_counts
	)
	print(header)
	for r in results:
		line = f"{r['setup']:<16} {size / r['stock']:>7.1f}"
		for n in worker_counts:
			line += f" {size / r[n]:>12.1f} {r['stock'] / r[n]:>7.2f}x"
		print(line)
