"""The import of a Kingdee-style export through a saved column mapping, against the same customers in the
template, on the same site, one after the other; run through scripts/benchmark-mapping, which prints the table.
With `workers`, a third export goes the desk's way: its columns read and suggested, the suggestions saved as a
mapping, the dry run and the import queued, and that many `bench worker` processes taking the jobs.

bench --site SITE execute customer_onboarding.tests.benchmarks.mapping.main --kwargs "{'size': 10000}"
"""

import time

import frappe

from customer_onboarding import api
from customer_onboarding.core.importing.layout import DATA_SHEETS
from customer_onboarding.core.importing.mapping import to_template_rows
from customer_onboarding.importing import importer
from customer_onboarding.tests.benchmarks.entry import traceback_printed
from customer_onboarding.tests.benchmarks.run import timed
from customer_onboarding.tests.benchmarks.workers import start_workers, wait_until_completed
from customer_onboarding.tests.exports import KINGDEE_HEADINGS, KINGDEE_TARGETS, kingdee_export, kingdee_rows
from customer_onboarding.tests.import_helpers import import_doc, kingdee_mapping, workbook_bytes
from customer_onboarding.tests.processes import kill_group
from customer_onboarding.tests.setup import before_tests


@traceback_printed
def main(size: int = 10000, workers: int = 0) -> None:
	measure(size, workers)


def measure(size: int, workers: int) -> None:
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	before_tests()
	mapping = kingdee_mapping()
	frappe.db.commit()
	offset = 30_000_000 + frappe.db.count("Customer")
	template = template_import(kingdee_rows(size, start=offset, first_code=offset))
	offset += size
	mapped = import_doc(
		kingdee_export(kingdee_rows(size, start=offset, first_code=offset)), "kingdee.xlsx", mapping=mapping
	).name
	frappe.db.commit()
	results = {}
	for label, name in (("template", template), ("Kingdee export, mapped", mapped)):
		dry_run = timed(lambda n: importer.validate_import(frappe.get_doc("Customer Import", n)), name)
		seconds = timed(importer.run_import, name, lambda *args: None)
		totals = frappe.db.get_value("Customer Import", name, ["created", "failed"])
		results[label] = (dry_run, seconds, totals)
	print_table(size, results)
	if workers:
		offset += size
		print_desk_steps(
			size, workers, through_the_desk(kingdee_rows(size, start=offset, first_code=offset), workers)
		)


def through_the_desk(rows: list[tuple], workers: int) -> dict[str, float]:
	"""Seconds of each step the desk takes with an uploaded export: the columns and their suggestions, the
	mapping saved as suggested, the dry run and the import as jobs taken by `workers` worker processes."""
	name = import_doc(kingdee_export(rows), "金蝶客户列表.xlsx", keep_legacy_codes=1).name
	frappe.db.commit()
	steps = {}
	start = time.perf_counter()
	found = api.customer_import_columns(name)
	steps["columns read and suggested"] = time.perf_counter() - start
	columns = [{"heading": c["heading"], "target": c["target"]} for c in found["columns"]]
	steps["mapping saved"] = timed(api.save_customer_import_mapping, name, f"Kingdee desk {name}", columns)
	frappe.db.set_single_value("Customer Onboarding Settings", "import_workers", workers)
	frappe.db.commit()
	started = start_workers(workers)
	try:
		steps["dry run (job)"] = timed(
			queued_and_done, api.queue_customer_import_dry_run, name, ("Validated",)
		)
		steps["import (jobs)"] = timed(queued_and_done, api.start_customer_import, name, ("Completed",))
	finally:
		for worker in started:
			kill_group(worker)
		frappe.db.set_single_value("Customer Onboarding Settings", "import_workers", 0)
		frappe.db.commit()
	wait_until_completed(name)
	steps["legacy codes kept"] = frappe.db.count(
		"Customer", {"customer_code": ["in", [str(r[0]) for r in rows]]}
	)
	return steps


def queued_and_done(call, name: str, ends: tuple[str, ...], seconds: int = 7200) -> None:
	modified = frappe.db.get_value("Customer Import", name, "modified")
	call(name)
	frappe.db.commit()
	deadline = time.time() + seconds
	while True:
		status, now = frappe.db.get_value("Customer Import", name, ["status", "modified"])
		if now != modified and status in ends:
			return
		if status in ("Invalid", "Failed") or time.time() > deadline:
			raise RuntimeError(f"{name}: {status}")
		time.sleep(0.2)
		frappe.db.rollback()


def print_desk_steps(size: int, workers: int, steps: dict[str, float]) -> None:
	print(f"\nThe desk's steps for a Kingdee export of {size:,} customers, {workers} worker(s)")
	kept = steps.pop("legacy codes kept")
	for step, seconds in steps.items():
		print(f"{step:<28} {seconds:>9.1f} s")
	print(
		f"customers per second in the import: {size / steps['import (jobs)']:.1f}; legacy codes kept: {kept:,}"
	)


def template_import(rows: list[tuple]) -> str:
	"""The same customers, contacts and bank accounts in the template's three sheets."""
	mapped = to_template_rows(0, 0, [KINGDEE_HEADINGS, *rows], KINGDEE_TARGETS, {"customer_type": "Company"})
	content = workbook_bytes(*([raw for _row, raw in mapped[sheet]] for sheet in DATA_SHEETS))
	return import_doc(content).name


def print_table(size: int, results: dict) -> None:
	print(f"\nImport of {size:,} customers (1 or 2 contacts and a bank account each), in one process")
	print(f"{'file':<24} {'dry run s':>10} {'import s':>9} {'customers/s':>12} {'created':>8} {'failed':>7}")
	for label, (dry_run, seconds, (created, failed)) in results.items():
		print(
			f"{label:<24} {dry_run:>10.1f} {seconds:>9.1f} {size / seconds:>12.1f} {created:>8} {failed:>7}"
		)
	template, mapped = results["template"][1], results["Kingdee export, mapped"][1]
	print(f"mapped / template time: {mapped / template:.3f}")
