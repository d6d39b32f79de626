"""Benchmarks on a real site; run through scripts/benchmark, which prints the table this returns.

bench --site SITE execute customer_onboarding.tests.benchmarks.run.main --kwargs "{'sizes': '1000,10000'}"
"""

import csv
import io
import statistics
import time

import frappe

from customer_onboarding.core.importing.layout import COLUMNS, CUSTOMERS
from customer_onboarding.customer_onboarding.report.duplicate_customers.duplicate_customers import (
	execute as duplicate_report,
)
from customer_onboarding.duplicates import duplicate_candidates
from customer_onboarding.importing import importer
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.tests.benchmarks.entry import traceback_printed
from customer_onboarding.tests.data import customers
from customer_onboarding.tests.import_helpers import import_doc
from customer_onboarding.tests.setup import before_tests
from customer_onboarding.tests.unit.test_import_file import workbook_bytes

DEFAULTS = {"customer_group": "All Customer Groups", "territory": "All Territories"}
STOCK_COLUMNS = {
	"customer_name": "Customer Name",
	"customer_type": "Customer Type",
	"customer_group": "Customer Group",
	"territory": "Territory",
	"tax_id": "Tax ID",
	"mobile_no": "Mobile No",
	"registered_address": "Registered Address",
}


@traceback_printed
def main(sizes: str = "1000,10000", base: int = 100000, lookups: int = 200) -> None:
	measure(sizes, base, lookups)


def measure(sizes: str, base: int, lookups: int) -> None:
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	before_tests()
	frappe.db.commit()
	rows = []
	offset = frappe.db.count("Customer") + 1_000_000
	for size in (int(s) for s in sizes.split(",")):
		result, offset = throughput(size, offset)
		rows.append(result)
	print_throughput(rows)
	print_duplicates(duplicate_lookups(base, lookups, offset))


def batch(size: int, offset: int) -> tuple[list[dict], int]:
	data = customers(size, seed=offset, start=offset)
	for row in data:
		row.update(DEFAULTS)
	return data, offset + size


def throughput(size: int, offset: int) -> tuple[dict, int]:
	"""Files are prepared first; each timing covers reading the file and writing the customers."""
	stock, offset = batch(size, offset)
	ours, offset = batch(size, offset)
	dry, offset = batch(size, offset)
	plain, offset = batch(size, offset)
	stock_import, our_import, dry_import = (
		stock_data_import(stock),
		customer_import(ours),
		customer_import(dry),
	)
	result = {
		"size": size,
		"stock": timed(start_stock_import, stock_import),
		"ours": timed(importer.run_import, our_import, lambda *args: None),
		"plain": timed(plain_loop, plain),
		"dry_run": timed(
			lambda name: importer.validate_import(frappe.get_doc("Customer Import", name)), dry_import
		),
		"contacts": count_contacts([stock, ours, plain]),
	}
	return result, offset


def timed(fn, *args) -> float:
	start = time.perf_counter()
	fn(*args)
	frappe.db.commit()
	return time.perf_counter() - start


def stock_data_import(rows: list[dict]) -> str:
	"""A Data Import document for ERPNext's importer, as the desk makes one."""
	buffer = io.StringIO()
	writer = csv.writer(buffer)
	writer.writerow(STOCK_COLUMNS.values())
	writer.writerows([row[key] for key in STOCK_COLUMNS] for row in rows)
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "stock-customers.csv", "is_private": 1, "content": buffer.getvalue()}
	).insert()
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": "Customer",
			"import_type": "Insert New Records",
			"import_file": file.file_url,
		}
	).insert()
	frappe.db.commit()
	return data_import.name


def start_stock_import(name: str) -> None:
	"""The body of ERPNext's import job, run in this process."""
	from frappe.core.doctype.data_import.data_import import start_import

	start_import(name)


def customer_import(rows: list[dict]) -> str:
	keys = [c.key for c in COLUMNS[CUSTOMERS]]
	customer_rows = [[None if k == "mobile_no" else row.get(k) for k in keys] for row in rows]
	contact_rows = [[row["tax_id"], "联系人", None, row["mobile_no"]] for row in rows]
	doc = import_doc(workbook_bytes(customer_rows, contact_rows))
	frappe.db.commit()
	return doc.name


def plain_loop(rows: list[dict]) -> None:
	for index, row in enumerate(rows, start=1):
		frappe.get_doc({"doctype": "Customer", **row}).insert()
		if index % 50 == 0:
			frappe.db.commit()


def count_contacts(batches: list[list[dict]]) -> list[tuple[int, int]]:
	"""Customers and contacts each method created, to show that each did the whole job."""
	return [
		(
			frappe.db.count("Customer", {"tax_id": ["in", [row["tax_id"] for row in rows]]}),
			frappe.db.count("Contact Phone", {"phone": ["in", [row["mobile_no"] for row in rows]]}),
		)
		for rows in batches
	]


def print_throughput(rows: list[dict]) -> None:
	print("\nImport throughput (customers per second, each customer with one contact)")
	print(
		f"{'customers':>10} {'stock':>8} {'ours':>8} {'plain loop':>11} {'ours/stock':>11} {'plain/ours':>11} {'dry run s':>10}"
	)
	for r in rows:
		stock, ours, plain = (r["size"] / r[key] for key in ("stock", "ours", "plain"))
		print(
			f"{r['size']:>10} {stock:>8.1f} {ours:>8.1f} {plain:>11.1f} {ours / stock:>11.2f} {plain / ours:>11.2f} "
			f"{r['dry_run']:>10.2f}"
		)
		print(f"{'':>10} (customers, contacts) created by stock, ours, plain: {r['contacts']}")


def duplicate_lookups(base: int, lookups: int, offset: int) -> dict:
	fill_customer_base(base)
	start = time.perf_counter()
	duplicate_candidates("预热")
	load = time.perf_counter() - start
	probes, _offset = batch(lookups, offset)
	times = []
	for row in probes:
		start = time.perf_counter()
		duplicate_candidates(row["customer_name"], mobile_no=row["mobile_no"])
		times.append((time.perf_counter() - start) * 1000)
	start = time.perf_counter()
	_columns, pairs = duplicate_report({"min_score": 85})
	report = time.perf_counter() - start
	times.sort()
	return {
		"customers": frappe.db.count("Customer"),
		"load": load,
		"p50": statistics.median(times),
		"p95": times[int(len(times) * 0.95) - 1],
		"report": report,
		"pairs": len(pairs),
	}


def fill_customer_base(target: int) -> None:
	"""Bring the site to `target` customers quickly, with plain inserts that skip the controllers."""
	missing = target - frappe.db.count("Customer")
	if missing <= 0:
		return
	now = frappe.utils.now()
	fields = [
		"name",
		"customer_name",
		"customer_type",
		"customer_group",
		"territory",
		"tax_id",
		"mobile_no",
		"customer_code",
		"workflow_state",
		"disabled",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"docstatus",
		"idx",
	]
	rows = customers(missing, seed=1, start=5_000_000)
	values = [
		(
			f"BASE-{i:07d}",
			r["customer_name"],
			"Company",
			DEFAULTS["customer_group"],
			DEFAULTS["territory"],
			r["tax_id"],
			r["mobile_no"],
			f"BASE-{i:07d}",
			"Enabled",
			0,
			now,
			now,
			"Administrator",
			"Administrator",
			0,
			0,
		)
		for i, r in enumerate(rows)
	]
	frappe.db.bulk_insert("Customer", fields, values, ignore_duplicates=True)
	fill_match_keys(only_missing=True)
	frappe.db.commit()


def print_duplicates(result: dict) -> None:
	print(f"\nDuplicate detection over {result['customers']} customers")
	print(f"{'index load s':>13} {'lookup p50 ms':>14} {'lookup p95 ms':>14} {'report s':>9} {'pairs':>7}")
	print(
		f"{result['load']:>13.2f} {result['p50']:>14.1f} {result['p95']:>14.1f} {result['report']:>9.1f} {result['pairs']:>7}"
	)
