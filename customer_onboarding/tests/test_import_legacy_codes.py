"""An import keeps a row's legacy code: as the customer code when asked and free, else as the legacy code."""

import random

import frappe

from customer_onboarding.customer_onboarding.doctype.customer_import.test_customer_import import (
	IMPORTER,
	ImportCase,
)
from customer_onboarding.importing.importer import run_import, validate_import
from customer_onboarding.tests.import_helpers import customer_row, import_doc, workbook_bytes
from customer_onboarding.tests.utils import make_customer, make_rule, make_territory, unique_code


def codes_of(rows: list[list]) -> list[tuple[str, str | None]]:
	"""(customer code, legacy code) of each row's customer, found by its tax ID (column 7)."""
	return [
		frappe.db.get_value("Customer", {"tax_id": row[6]}, ["customer_code", "legacy_code"]) for row in rows
	]


class TestImportLegacyCodes(ImportCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.prefix = unique_code(4)
		self.territory = make_territory(f"Legacy {self.prefix}", self.prefix)
		make_rule("{territory_code}-####", territory=self.territory)
		self.taken = make_customer(territory=self.territory).customer_code
		frappe.db.commit()
		frappe.set_user(IMPORTER)

	def rows(self) -> list[list]:
		stored_as_number = random.randrange(10**9, 10**10)
		legacy_codes = [f"{self.prefix}-0007", stored_as_number, self.taken, None]
		return [customer_row(territory=self.territory, legacy_code=code) for code in legacy_codes]

	def imported(self, rows: list[list], **options) -> list[tuple[str, str | None]]:
		doc = import_doc(workbook_bytes(rows), **options)
		summary = validate_import(doc)
		self.assertEqual(summary["problems"], [])
		totals = run_import(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (4, 0), totals)
		return codes_of(rows)

	def test_free_legacy_codes_become_customer_codes_and_the_series_goes_on_above_them(self):
		rows = self.rows()
		in_series, numeric, taken = f"{self.prefix}-0007", str(rows[1][-1]), self.taken
		self.assertEqual(
			self.imported(rows, keep_legacy_codes=1),
			[
				(in_series, in_series),
				(numeric, numeric),
				(f"{self.prefix}-0008", taken),
				(f"{self.prefix}-0009", None),
			],
		)

	def test_without_the_option_every_customer_gets_a_code_by_rule_and_keeps_its_old_one(self):
		rows = self.rows()
		self.assertEqual(
			self.imported(rows),
			[
				(f"{self.prefix}-0002", f"{self.prefix}-0007"),
				(f"{self.prefix}-0003", str(rows[1][-1])),
				(f"{self.prefix}-0004", self.taken),
				(f"{self.prefix}-0005", None),
			],
		)
