"""The import matches rows to existing customers, legacy ones included, through the match keys: tax ID, then
customer code, then, for a row with neither, the same mobile number or e-mail together with the same name."""

import frappe

from customer_onboarding.api import validate_customer_import
from customer_onboarding.customer_onboarding.doctype.customer_import.test_customer_import import ImportCase
from customer_onboarding.customer_onboarding.doctype.customer_match_key.test_customer_match_key import (
	random_mobile,
)
from customer_onboarding.importing import importer
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.tests.import_helpers import customer_row, import_doc, workbook_bytes
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.utils import make_uscc, unique_code


def individual_row(name: str, mobile: str, email: str | None = None) -> list:
	return customer_row(
		name=name,
		tax_id="",
		mobile=mobile,
		customer_type="Individual",
		registered_address=None,
		email_id=email,
	)


class TestImportMatching(ImportCase):
	def import_twice(self, rows, update_existing=0):
		content = workbook_bytes(rows)
		first = importer.run_import(import_doc(content).name)
		count = frappe.db.count("Customer")
		again = import_doc(content, update_existing=update_existing)
		summary = validate_customer_import(again.name)
		second = importer.run_import(again.name)
		self.assertEqual(frappe.db.count("Customer"), count)
		return first, summary, second

	def test_individuals_without_tax_id_or_code_are_not_created_twice(self):
		_spaced, e164 = random_mobile()
		rows = [individual_row(f"李四{unique_code()}", e164)]
		first, summary, second = self.import_twice(rows)
		self.assertEqual(first["created"], 1)
		self.assertEqual((summary["existing"], summary["problems"]), (1, []))
		self.assertEqual((second["created"], second["skipped"]), (0, 1))

	def test_with_update_existing_the_individual_is_updated(self):
		_spaced, e164 = random_mobile()
		rows = [individual_row(f"李四{unique_code()}", e164, email="li@example.com")]
		_first, summary, second = self.import_twice(rows, update_existing=1)
		self.assertEqual((summary["existing"], summary["problems"]), (1, []))
		self.assertEqual((second["created"], second["updated"]), (0, 1))

	def test_a_legacy_individual_is_matched_by_phone_typed_otherwise_and_name(self):
		spaced, e164 = random_mobile()
		name = f"王五{unique_code()}"
		legacy = legacy_customer(customer_name=name, customer_type="Individual", mobile_no=spaced)
		fill_match_keys(only_missing=True)
		for update_existing in (0, 1):
			doc = import_doc(workbook_bytes([individual_row(name, e164)]), update_existing=update_existing)
			self.assertEqual(validate_customer_import(doc.name)["existing"], 1)
			totals = importer.run_import(doc.name)
			self.assertEqual((totals["created"], totals["skipped"] + totals["updated"]), (0, 1))
			outcome = frappe.db.get_value("Customer Import Log", {"customer_import": doc.name}, "customer")
			self.assertEqual(outcome, legacy)

	def test_same_phone_with_another_name_is_a_new_customer(self):
		_spaced, e164 = random_mobile()
		importer.run_import(import_doc(workbook_bytes([individual_row(f"赵六{unique_code()}", e164)])).name)
		totals = importer.run_import(
			import_doc(workbook_bytes([individual_row(f"钱七{unique_code()}", e164)])).name
		)
		self.assertEqual(totals["created"], 1)

	def test_a_legacy_company_is_matched_by_its_messy_tax_id(self):
		tax_id = make_uscc()
		legacy = legacy_customer(tax_id=" " + tax_id.lower())
		fill_match_keys(only_missing=True)
		for update_existing in (0, 1):
			doc = import_doc(workbook_bytes([customer_row(tax_id=tax_id)]), update_existing=update_existing)
			self.assertEqual(validate_customer_import(doc.name)["existing"], 1)
			totals = importer.run_import(doc.name)
			self.assertEqual(totals["created"], 0, totals)
			outcome = frappe.db.get_value("Customer Import Log", {"customer_import": doc.name}, "customer")
			self.assertEqual(outcome, legacy)
