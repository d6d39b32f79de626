"""Kingdee and U8 exports imported through a saved column mapping, as a Customer Master Manager does it."""

import io
import random
from unittest.mock import patch

import frappe
import openpyxl

from customer_onboarding.api import (
	customer_import_columns,
	save_customer_import_mapping,
	validate_customer_import,
)
from customer_onboarding.importing import importer
from customer_onboarding.tests.exports import (
	KINGDEE_HEADINGS,
	KINGDEE_TARGETS,
	fresh_kingdee_rows,
	kingdee_export,
	kingdee_rows,
	u8_export,
	workbook_content,
)
from customer_onboarding.tests.import_helpers import ImportCase, import_doc
from customer_onboarding.tests.legacy import legacy_customer, stamp
from customer_onboarding.tests.utils import SALES_USER, as_user, unique_code


class MappingCase(ImportCase):
	def mapped_import(self, content: bytes, **values):
		"""An import of `content`, mapped as the dialog maps it: the suggestions taken as they are."""
		doc = import_doc(content, "export.xlsx", **values)
		found = customer_import_columns(doc.name)
		name = f"Export {unique_code()}"
		save_customer_import_mapping(doc.name, name, found["columns"], "Company")
		return frappe.get_doc("Customer Import", doc.name), found


class TestKingdeeExport(MappingCase):
	def test_suggested_saved_dry_run_and_imported_with_legacy_codes(self):
		rows = fresh_kingdee_rows(3)
		doc, found = self.mapped_import(kingdee_export(rows), keep_legacy_codes=1)
		self.assertEqual(found["header_row"], 3)
		self.assertEqual([c["target"] for c in found["columns"]], list(KINGDEE_TARGETS))
		summary = validate_customer_import(doc.name)
		self.assertEqual(summary["problems"], [])
		self.assertEqual((summary["customers"], summary["contacts"], summary["bank_accounts"]), (3, 5, 3))
		totals = importer.run_import(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (3, 0))
		first = frappe.get_doc("Customer", {"tax_id": rows[0][2]})
		self.assertEqual((first.customer_code, first.legacy_code), (str(rows[0][0]), str(rows[0][0])))
		contacts = frappe.get_all(
			"Dynamic Link",
			{"link_doctype": "Customer", "link_name": first.name, "parenttype": "Contact"},
			pluck="parent",
		)
		self.assertEqual(len(contacts), 2)
		self.assertEqual(
			frappe.db.get_value("Bank Account", {"party": first.name}, "bank_account_no"), rows[0][9]
		)

	def test_killed_and_resumed_every_row_once(self):
		rows = fresh_kingdee_rows(5)
		doc, _found = self.mapped_import(kingdee_export(rows))
		frappe.db.commit()
		totals = self.resumed_after_a_kill(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (5, 0))
		self.assertEqual(frappe.db.count("Customer", {"tax_id": ["in", [row[2] for row in rows]]}), 5)

	def test_every_sheet_is_imported_once_and_a_failed_row_comes_back_as_uploaded(self):
		rows = fresh_kingdee_rows(4)
		rows[3] = (rows[3][0], rows[3][1], "91110000BAD", *rows[3][3:])
		book = openpyxl.load_workbook(io.BytesIO(kingdee_export(rows[:2])))
		second = book.create_sheet("客户（续）")
		for row in (KINGDEE_HEADINGS, *rows[2:]):
			second.append(list(row))
		doc, _found = self.mapped_import(workbook_content(book))
		for _run in range(2):
			totals = importer.run_import(doc.name)
			self.assertEqual((totals["created"], totals["failed"]), (3, 1))
		self.assertEqual(frappe.db.count("Customer Import Log", {"customer_import": doc.name}), 4)
		report = frappe.get_doc(
			"File", {"file_url": frappe.db.get_value("Customer Import", doc.name, "error_report")}
		)
		sheet = openpyxl.load_workbook(io.BytesIO(report.get_content()))["客户（续）"]
		uploaded = [tuple(row) for row in sheet.iter_rows(values_only=True)]
		self.assertEqual(uploaded[0], (*KINGDEE_HEADINGS, "Error"))
		self.assertEqual(uploaded[1][:-1], rows[3])
		self.assertTrue(uploaded[1][-1], "with the reason")

	def test_the_saved_mapping_is_reused_by_name(self):
		first, _found = self.mapped_import(kingdee_export(fresh_kingdee_rows(1)))
		second = import_doc(
			kingdee_export(fresh_kingdee_rows(2), title="另一份客户列表"), mapping=first.mapping
		)
		summary = validate_customer_import(second.name)
		self.assertEqual((summary["customers"], summary["problems"]), (2, []))

	def test_namesakes_with_accounts_at_the_same_bank_are_both_imported(self):
		rows = fresh_kingdee_rows(2)
		rows[1] = (rows[1][0], rows[0][1], *rows[1][2:])
		doc, _found = self.mapped_import(kingdee_export(rows))
		totals = importer.run_import(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (2, 0))
		names = frappe.get_all(
			"Bank Account", {"bank_account_no": ["in", [r[9] for r in rows]]}, pluck="name"
		)
		self.assertEqual(
			sorted(names),
			sorted([f"{rows[0][1]} - 中国工商银行", f"{rows[0][1]} {rows[1][9][-4:]} - 中国工商银行"]),
		)

	def test_a_legacy_namesakes_account_at_the_same_bank_does_not_stop_the_row(self):
		"""A customer and its bank account written straight to the tables before install, as a migration leaves
		them; the import brings another customer of the same name, with an account at the same bank."""
		rows = fresh_kingdee_rows(1)
		legacy = legacy_customer(customer_name=rows[0][1])
		account = frappe.get_doc(
			{
				"doctype": "Bank Account",
				"account_name": rows[0][1],
				"bank": "中国工商银行",
				"bank_account_no": "6222020200000000001",
				"party_type": "Customer",
				"party": legacy,
			}
		)
		account.name = f"{rows[0][1]} - 中国工商银行"
		stamp(account)
		account.db_insert()
		doc, _found = self.mapped_import(kingdee_export(rows))
		totals = importer.run_import(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (1, 0))
		self.assertTrue(frappe.db.exists("Bank Account", f"{rows[0][1]} {rows[0][9][-4:]} - 中国工商银行"))

	def test_problems_are_placed_by_the_uploaded_sheet_row_and_heading(self):
		rows = fresh_kingdee_rows(3)
		rows[1] = (rows[1][0], None, *rows[1][2:])
		rows[2] = (*rows[2][:5], "123", *rows[2][6:])
		doc, _found = self.mapped_import(kingdee_export(rows))
		problems = validate_customer_import(doc.name)["problems"]
		self.assertEqual(
			[(p["sheet"], p["row"], p["column"]) for p in problems],
			[("客户", 5, "名称"), ("客户", 6, "联系电话")],
		)
		self.assertTrue(
			problems[1]["message"].startswith("Sheet 客户, row 6, column 联系电话: "), problems[1]
		)


class TestU8Export(MappingCase):
	def test_codes_stored_as_numbers_become_legacy_codes(self):
		start = random.randrange(10**6, 10**8)
		rows = [
			(start + i, row[1], row[2], row[3], row[5], row[8], row[9])
			for i, row in enumerate(kingdee_rows(2, start=start))
		]
		doc, found = self.mapped_import(u8_export(rows))
		self.assertEqual(found["header_row"], 1)
		totals = importer.run_import(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (2, 0))
		self.assertEqual(
			frappe.db.get_value("Customer", {"tax_id": rows[1][2]}, "legacy_code"), str(start + 1)
		)


class TestMappingRules(MappingCase):
	def test_a_sales_user_may_not_map_an_import(self):
		doc = import_doc(kingdee_export(fresh_kingdee_rows(1)))
		with as_user(SALES_USER), self.assertRaises(frappe.PermissionError):
			customer_import_columns(doc.name)

	def test_a_mapping_needs_a_customer_name_and_each_target_once(self):
		doc = import_doc(kingdee_export(fresh_kingdee_rows(1)))
		without_name = [{"heading": "编码", "target": "legacy_code"}]
		self.assertRaises(
			frappe.ValidationError, save_customer_import_mapping, doc.name, unique_code(), without_name
		)
		twice = [
			{"heading": "名称", "target": "customer_name"},
			{"heading": "公司", "target": "customer_name"},
		]
		self.assertRaises(
			frappe.ValidationError, save_customer_import_mapping, doc.name, unique_code(), twice
		)
		self.assertFalse(frappe.db.get_value("Customer Import", doc.name, "mapping"))
