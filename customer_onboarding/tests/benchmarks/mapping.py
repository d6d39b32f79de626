"""The import of a Kingdee-style export through a saved column mapping, against the same customers in the
template, on the same site, one after the other; run through scripts/benchmark-mapping, which prints the table.

bench --site SITE execute customer_onboarding.tests.benchmarks.mapping.main --kwargs "{'size': 10000}"
"""

import frappe

from customer_onboarding.core.importing.layout import DATA_SHEETS
from customer_onboarding.core.importing.mapping import to_template_rows
from customer_onboarding.importing import importer
from customer_onboarding.tests.benchmarks.entry import traceback_printed
from customer_onboarding.tests.benchmarks.run import timed
from customer_onboarding.tests.exports import KINGDEE_HEADINGS, KINGDEE_TARGETS, kingdee_export, kingdee_rows
from customer_onboarding.tests.import_helpers import import_doc, kingdee_mapping, workbook_bytes
from customer_onboarding.tests.setup import before_tests


@traceback_printed
def main(size: int = 10000) -> None:
	measure(size)


def measure(size: int) -> None:
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
