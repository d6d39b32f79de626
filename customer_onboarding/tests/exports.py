"""Customer lists exported the way Kingdee 云星空 and Yonyou U8 export them, for the mapping's tests: one sheet,
Chinese headings, contacts and bank accounts on the customer's row, title rows merged above the headings,
codes stored as numbers."""

import io
import random

import openpyxl

from customer_onboarding.tests.data import customers

KINGDEE_HEADINGS = (
	"编码",
	"名称",
	"统一社会信用代码",
	"注册地址",
	"联系人",
	"联系电话",
	"联系人2",
	"联系电话2",
	"开户银行",
	"银行账号",
)
# What each Kingdee heading is imported as, as the mapping suggests it.
KINGDEE_TARGETS = (
	"legacy_code",
	"customer_name",
	"tax_id",
	"registered_address",
	"contact1.first_name",
	"contact1.mobile_no",
	"contact2.first_name",
	"contact2.phone",
	"bank1.bank",
	"bank1.bank_account_no",
)
U8_HEADINGS = ("客户编码", "客户名称", "税号", "地址", "手机", "开户银行", "银行账号")


def kingdee_rows(count: int, start: int = 0, first_code: int = 100_000) -> list[tuple]:
	"""Codes as numbers; every other customer with a second contact; account numbers as text."""
	rows = []
	for i, row in enumerate(customers(count, seed=start + 3, start=start)):
		second = (f"李{i}", f"0755-8{i % 10**7:07d}") if i % 2 == 0 else (None, None)
		rows.append(
			(
				first_code + i,
				row["customer_name"],
				row["tax_id"],
				row["registered_address"],
				f"王{i}",
				row["mobile_no"][3:],
				*second,
				"中国工商银行",
				f"62220200{start + i:011d}",
			)
		)
	return rows


def fresh_kingdee_rows(count: int) -> list[tuple]:
	"""Tax IDs, mobiles and codes that no earlier run on the site has used."""
	start = random.randrange(10**6, 10**8)
	return kingdee_rows(count, start=start, first_code=start)


def kingdee_export(rows: list[tuple], title: str = "客户列表") -> bytes:
	"""A title row merged over the columns and an empty row above the headings, as Kingdee prints a list."""
	book = openpyxl.Workbook()
	ws = book.active
	ws.title = "客户"
	ws.append([title])
	ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(KINGDEE_HEADINGS))
	ws.append([])
	ws.append(list(KINGDEE_HEADINGS))
	for row in rows:
		ws.append(list(row))
	return workbook_content(book)


def u8_export(rows: list[tuple]) -> bytes:
	book = openpyxl.Workbook()
	ws = book.active
	ws.title = "Sheet1"
	ws.append(list(U8_HEADINGS))
	for row in rows:
		ws.append(list(row))
	return workbook_content(book)


def workbook_content(book) -> bytes:
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()
