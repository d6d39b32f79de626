import io
import unittest

import openpyxl

from customer_onboarding.core.importing.layout import CUSTOMERS
from customer_onboarding.core.importing.mapping import (
	all_targets,
	find_header_row,
	guess_header_row,
	heading_words,
	suggest_targets,
	target_for,
)
from customer_onboarding.core.importing.parsing import MappingSpec, parse_mapped_workbook
from customer_onboarding.core.importing.workbooks import build_error_report
from customer_onboarding.tests.exports import (
	KINGDEE_HEADINGS,
	KINGDEE_TARGETS,
	U8_HEADINGS,
	kingdee_export,
	kingdee_rows,
	u8_export,
	workbook_content,
)


def kingdee_spec() -> MappingSpec:
	targets = dict(zip(map(heading_words, KINGDEE_HEADINGS), KINGDEE_TARGETS, strict=True))
	return MappingSpec(targets, defaults={"customer_type": "Company"})


class TestSuggestions(unittest.TestCase):
	def test_kingdee_headings_with_contacts_and_banks_on_the_row(self):
		rows = kingdee_rows(4)
		self.assertEqual(suggest_targets(KINGDEE_HEADINGS, rows), list(KINGDEE_TARGETS))

	def test_u8_headings(self):
		self.assertEqual(
			suggest_targets(U8_HEADINGS, []),
			[
				"legacy_code",
				"customer_name",
				"tax_id",
				"registered_address",
				"mobile_no",
				"bank1.bank",
				"bank1.bank_account_no",
			],
		)

	def test_the_templates_own_headings_in_english_and_chinese(self):
		self.assertEqual(
			suggest_targets(["Customer Name*", "税号", "Mobile No", "First Name"], []),
			["customer_name", "tax_id", "mobile_no", "contact1.first_name"],
		)

	def test_unknown_headings_are_suggested_by_their_values(self):
		samples = [
			("91110108551385082Q", 13800138000, "a@example.com", "6222020200012345678", "甲"),
			("91310000MA1K4TJY5B", "139 0013 9000", "b@example.com", "6222020200012345679", "乙"),
		]
		self.assertEqual(
			suggest_targets(["列1", "列2", "列3", "列4", "列5"], samples),
			["tax_id", "mobile_no", "email_id", "bank1.bank_account_no", None],
		)

	def test_a_target_is_suggested_once(self):
		self.assertEqual(suggest_targets(["名称", "客户名称"], []), ["customer_name", None])

	def test_targets_have_labels_in_both_languages(self):
		target = target_for("contact2.mobile_no")
		self.assertEqual(
			(target.label("en"), target.label("zh")), ("Contact 2: Mobile No", "联系人2：手机号")
		)
		self.assertEqual(len({t.code for t in all_targets()}), len(all_targets()))


class TestHeaderRow(unittest.TestCase):
	def test_found_below_title_rows(self):
		rows = [("客户列表",), (), KINGDEE_HEADINGS, *kingdee_rows(2)]
		self.assertEqual(find_header_row(rows, KINGDEE_HEADINGS), 2)
		self.assertEqual(guess_header_row(rows), 2)

	def test_none_when_the_headings_are_not_there(self):
		self.assertIsNone(find_header_row([("a", "b"), (1, 2)], KINGDEE_HEADINGS))


class TestMappedWorkbook(unittest.TestCase):
	def test_a_kingdee_export_becomes_customers_with_contacts_and_bank_accounts(self):
		rows = kingdee_rows(3)
		parsed = parse_mapped_workbook(kingdee_export(rows), "kingdee.xlsx", kingdee_spec())
		self.assertTrue(parsed.ok, parsed.problems)
		first, second = parsed.customers[:2]
		self.assertEqual([c.row for c in parsed.customers], [4, 5, 6])
		self.assertEqual(first.values["legacy_code"], "100000")
		self.assertEqual(first.values["customer_type"], "Company")
		self.assertEqual(first.values["tax_id"], rows[0][2])
		self.assertEqual([c.values["first_name"] for c in first.contacts], ["王0", "李0"])
		self.assertEqual(first.contacts[0].values["mobile_no"], rows[0][5])
		self.assertEqual([c.values["first_name"] for c in second.contacts], ["王1"])
		self.assertEqual(first.bank_accounts[0].values["bank_account_no"], rows[0][9])
		self.assertFalse([p for c in parsed.customers for p in c.all_problems])

	def test_problems_name_the_uploaded_sheet_row_and_heading_and_the_template_column(self):
		rows = kingdee_rows(3)
		rows[1] = (rows[1][0], None, *rows[1][2:])
		rows[2] = (*rows[2][:6], "李四", 1.5, *rows[2][8:])
		parsed = parse_mapped_workbook(kingdee_export(rows), "kingdee.xlsx", kingdee_spec())
		problem = parsed.customers[1].problems[0]
		self.assertEqual(
			(problem.code, problem.sheet, problem.row, problem.column, problem.source),
			("required", CUSTOMERS, 5, "Customer Name", ("客户", "名称")),
		)
		second_contact = parsed.customers[2].contacts[1].problems[0]
		self.assertEqual(
			(second_contact.code, second_contact.row, second_contact.column, second_contact.source),
			("number_as_float", 6, "Phone", ("客户", "联系电话2")),
		)

	def test_the_error_report_gives_back_the_uploaded_rows_once_in_the_uploaded_layout(self):
		rows = kingdee_rows(3)
		parsed = parse_mapped_workbook(kingdee_export(rows), "kingdee.xlsx", kingdee_spec())
		first, third = parsed.customers[0], parsed.customers[2]
		failed = [(first, "bad"), (third, "worse")]
		failed += [(child, "bad") for child in first.contacts + first.bank_accounts]
		report = openpyxl.load_workbook(io.BytesIO(build_error_report(parsed.headers, failed, "Error")))
		self.assertEqual(report.sheetnames, ["客户"])
		values = [tuple(row) for row in report["客户"].iter_rows(values_only=True)]
		self.assertEqual(values, [(*KINGDEE_HEADINGS, "Error"), (*rows[0], "bad"), (*rows[2], "worse")])

	def test_a_template_column_no_heading_fills_is_named_by_the_template(self):
		spec = MappingSpec({heading_words("名称"): "customer_name"})
		book = openpyxl.Workbook()
		book.active.append(["名称"])
		book.active.append(["某某有限公司"])
		parsed = parse_mapped_workbook(workbook_content(book), "names.xlsx", spec)
		problem = next(p for p in parsed.customers[0].problems if p.column == "Customer Type")
		self.assertEqual(problem.source, ("Sheet", ""))

	def test_a_file_without_the_mappings_headings_is_refused(self):
		parsed = parse_mapped_workbook(u8_export([]), "u8.xlsx", kingdee_spec())
		self.assertEqual([p.code for p in parsed.problems], ["mapping_not_found"])

	def test_every_sheet_with_the_headings_is_read(self):
		book = openpyxl.load_workbook(io.BytesIO(kingdee_export(kingdee_rows(2))))
		second = book.copy_worksheet(book.worksheets[0])
		second.delete_rows(4)
		parsed = parse_mapped_workbook(workbook_content(book), "two-sheets.xlsx", kingdee_spec())
		self.assertTrue(parsed.ok, parsed.problems)
		self.assertEqual(len(parsed.customers), 3)
		self.assertEqual(len({c.values["row_key"] for c in parsed.customers}), 3)
		self.assertEqual([c.row for c in parsed.customers], [4, 5, 9], "one number for one row of the file")
		self.assertEqual(
			[c.problem("x").row for c in parsed.customers], [4, 5, 4], "problems: the sheet's rows"
		)

	def test_a_fixed_header_row(self):
		spec = MappingSpec(kingdee_spec().targets, header_row=3, defaults={"customer_type": "Company"})
		parsed = parse_mapped_workbook(kingdee_export(kingdee_rows(1)), "k.xlsx", spec)
		self.assertEqual(len(parsed.customers), 1)
