import io
import unittest

import openpyxl

from customer_onboarding.core.importing.layout import BANK_ACCOUNTS, COLUMNS, CONTACTS, CUSTOMERS, header
from customer_onboarding.core.importing.parsing import parse_workbook
from customer_onboarding.core.importing.workbooks import build_error_report, build_template

HEADINGS = {
	"title": "T",
	"intro": ["a", "b"],
	"sheet": "S",
	"column": "C",
	"required": "R",
	"rule": "Rule",
	"yes": "Y",
}


def workbook_bytes(customers=(), contacts=(), banks=(), language="en", mutate=None) -> bytes:
	book = openpyxl.Workbook()
	book.remove(book.active)
	titles = {"en": (CUSTOMERS, CONTACTS, BANK_ACCOUNTS), "zh": ("客户", "联系人", "银行账户")}[language]
	for title, sheet, rows in zip(
		titles, (CUSTOMERS, CONTACTS, BANK_ACCOUNTS), (customers, contacts, banks), strict=True
	):
		ws = book.create_sheet(title)
		ws.append([header(c, language) for c in COLUMNS[sheet]])
		for row in rows:
			ws.append(list(row))
	if mutate:
		mutate(book)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def customer(
	name="北京示例科技有限公司", key="C1", tax_id="91110108551385082Q", mobile="13800138000", **extra
):
	row = {
		"row_key": key,
		"customer_name": name,
		"customer_type": "Company",
		"tax_id": tax_id,
		"mobile_no": mobile,
		**extra,
	}
	return [row.get(c.key) for c in COLUMNS[CUSTOMERS]]


def codes(parsed):
	return [p.code for p in parsed.problems] + [p.code for c in parsed.customers for p in c.all_problems]


class TestParsing(unittest.TestCase):
	def test_customer_with_contact_and_bank_account(self):
		parsed = parse_workbook(
			workbook_bytes(
				[customer()], [["C1", "三", "张", "13900139000"]], [["91110108551385082Q", "工行", "0200001"]]
			)
		)
		self.assertEqual(codes(parsed), [])
		record = parsed.customers[0]
		self.assertEqual(record.values["customer_name"], "北京示例科技有限公司")
		self.assertEqual((len(record.contacts), len(record.bank_accounts)), (1, 1))

	def test_chinese_sheet_names_and_headers(self):
		parsed = parse_workbook(workbook_bytes([customer(customer_type="公司")], language="zh"))
		self.assertEqual(codes(parsed), [])
		self.assertEqual(parsed.customers[0].values["customer_type"], "Company")

	def test_cells_are_cleaned(self):
		parsed = parse_workbook(
			workbook_bytes([customer(name="  ＡＣＭＥ   Co. ", mobile=13800138000.0, credit_days=30.0)])
		)
		values = parsed.customers[0].values
		self.assertEqual(
			(values["customer_name"], values["mobile_no"], values["credit_days"]),
			("ACME Co.", "13800138000", 30),
		)

	def test_cell_problems_are_located(self):
		parsed = parse_workbook(
			workbook_bytes(
				[
					customer(mobile=1.38e10 + 0.5, name="=HYPERLINK(1)"),
					customer(key="C2", tax_id="91110108551385082Q"),
				]
			)
		)
		found = {(p.code, p.row, p.column) for c in parsed.customers for p in c.all_problems}
		self.assertIn(("number_as_float", 2, "Mobile No"), found)
		self.assertIn(("formula", 2, "Customer Name"), found)
		self.assertIn(("repeated_in_file", 3, "Tax ID"), found)

	def test_tax_ids_that_differ_only_in_case_or_dashes_are_repeated(self):
		parsed = parse_workbook(
			workbook_bytes(
				[
					customer(key="C1", tax_id="91110108-551385082q"),
					customer(key="C2", tax_id="91110108551385082Q"),
				]
			)
		)
		found = {(p.code, p.row, p.column) for c in parsed.customers for p in c.all_problems}
		self.assertIn(("repeated_in_file", 3, "Tax ID"), found)

	def test_long_number_lost_its_digits(self):
		parsed = parse_workbook(workbook_bytes([customer(tax_id=110101199003074512)]))
		self.assertIn("number_too_long", codes(parsed))

	def test_unknown_key_in_contacts(self):
		parsed = parse_workbook(workbook_bytes([customer()], [["NOPE", "三"]]))
		self.assertEqual([p.code for p in parsed.orphans[0].problems], ["unknown_customer_key"])

	def test_bad_files(self):
		self.assertEqual(codes(parse_workbook(b"name,tax\n", "customers.csv")), ["not_xlsx"])
		self.assertEqual(codes(parse_workbook(b"PK\x03\x04 broken", "x.xlsx")), ["not_xlsx"])
		self.assertEqual(codes(parse_workbook(b"0" * (21 * 1024 * 1024), "big.xlsx")), ["file_too_large"])
		self.assertEqual(codes(parse_workbook(workbook_bytes())), ["empty_sheet"])

	def test_wrong_sheets_and_headers(self):
		def drop_contacts(book):
			del book[CONTACTS]

		self.assertEqual(codes(parse_workbook(workbook_bytes(mutate=drop_contacts))), ["missing_sheet"])

		def rename_header(book):
			book[CUSTOMERS]["B1"] = "Name of customer"

		self.assertEqual(
			sorted(codes(parse_workbook(workbook_bytes([customer()], mutate=rename_header)))),
			["missing_header", "unknown_header"],
		)

	def test_merged_cells(self):
		def merge(book):
			book[CUSTOMERS].merge_cells("B2:C2")

		self.assertIn("merged_cells", codes(parse_workbook(workbook_bytes([customer()], mutate=merge))))


class TestWorkbooks(unittest.TestCase):
	def test_template_round_trips_in_both_languages(self):
		for language in ("en", "zh"):
			content = build_template(language, {"customer_group": ["A"], "territory": ["B"]}, HEADINGS)
			parsed = parse_workbook(content, "template.xlsx")
			self.assertEqual(codes(parsed), [], language)
			self.assertEqual(len(parsed.customers), 1)
			self.assertEqual(len(parsed.customers[0].contacts), 1)

	def test_template_has_drop_downs(self):
		book = openpyxl.load_workbook(io.BytesIO(build_template("en", {"territory": ["B"]}, HEADINGS)))
		self.assertTrue(book[CUSTOMERS].data_validations.dataValidation)

	def test_error_report_neutralises_formulas(self):
		parsed = parse_workbook(
			workbook_bytes([customer(name="=1+1"), customer(key="C2", tax_id="", name="@SUM(A1)")])
		)
		content = build_error_report(parsed.headers, [(c, "-bad") for c in parsed.customers], "Error")
		ws = openpyxl.load_workbook(io.BytesIO(content))[CUSTOMERS]
		self.assertEqual(ws["B2"].value, "'=1+1")
		self.assertEqual(ws["B3"].value, "'@SUM(A1)")
		self.assertEqual(ws.cell(2, ws.max_column).value, "'-bad")
		self.assertEqual(ws.cell(1, ws.max_column).value, "Error")
