"""Workbooks the import hands out: the template to fill in, and the report of rows that failed."""

import io
from collections.abc import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from customer_onboarding.core.importing.layout import (
	CATEGORIES,
	COLUMNS,
	CUSTOMER_TYPES,
	DATA_SHEETS,
	INSTRUCTIONS,
	LISTS,
	SAMPLE_ROWS,
	header,
	rule,
	sheet_title,
)
from customer_onboarding.core.importing.parsing import Record

TEMPLATE_ROWS = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def neutralise(value):
	"""A text cell that a spreadsheet would run as a formula is written with a leading apostrophe."""
	if isinstance(value, str) and value.startswith(FORMULA_STARTS):
		return "'" + value
	return value


def build_template(
	language: str, lists: Mapping[str, Iterable[str]], instructions: Mapping[str, str]
) -> bytes:
	"""`lists` holds the customer groups and territories; `instructions` the translated headings."""
	workbook = Workbook()
	workbook.remove(workbook.active)
	list_ranges = write_lists(workbook, language, lists)
	for sheet in DATA_SHEETS:
		write_data_sheet(workbook, sheet, language, list_ranges)
	write_instructions(workbook, language, instructions)
	return to_bytes(workbook)


def write_lists(workbook: Workbook, language: str, lists: Mapping[str, Iterable[str]]) -> dict[str, str]:
	ws = workbook.create_sheet(sheet_title(LISTS, language))
	ws.sheet_state = "hidden"
	options = {
		"customer_type": list(CUSTOMER_TYPES.values() if language.startswith("zh") else CUSTOMER_TYPES),
		"customer_category": list(CATEGORIES.values() if language.startswith("zh") else CATEGORIES),
		"flag": ["是", "否"] if language.startswith("zh") else ["Yes", "No"],
		**{name: list(values) for name, values in lists.items()},
	}
	ranges = {}
	for index, (name, values) in enumerate(options.items(), start=1):
		letter = get_column_letter(index)
		ws.cell(1, index, name)
		for row, value in enumerate(values, start=2):
			ws.cell(row, index, value)
		ranges[name] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${max(len(values), 1) + 1}"
	return ranges


def write_data_sheet(workbook: Workbook, sheet: str, language: str, list_ranges: Mapping[str, str]) -> None:
	ws = workbook.create_sheet(sheet_title(sheet, language))
	for index, column in enumerate(COLUMNS[sheet], start=1):
		cell = ws.cell(1, index, header(column, language) + (" *" if column.required else ""))
		cell.font = Font(bold=True)
		if column.required:
			cell.fill = REQUIRED_FILL
		ws.column_dimensions[get_column_letter(index)].width = max(14, len(cell.value) * 2)
		add_drop_down(ws, index, list_ranges.get(column.list_name))
		if column.kind in ("phone", "id", "key"):
			for row in range(2, TEMPLATE_ROWS + 2):
				ws.cell(row, index).number_format = "@"
	sample = localised_sample(sheet, language)
	for index, value in enumerate(sample, start=1):
		ws.cell(2, index, value)
	ws.freeze_panes = "A2"


def localised_sample(sheet: str, language: str) -> tuple:
	if not language.startswith("zh"):
		return SAMPLE_ROWS[sheet]
	translate = {**CUSTOMER_TYPES, **CATEGORIES, "Yes": "是", "No": "否"}
	return tuple(translate.get(v, v) if isinstance(v, str) else v for v in SAMPLE_ROWS[sheet])


def add_drop_down(ws, column_index: int, source: str | None) -> None:
	if not source:
		return
	validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
	letter = get_column_letter(column_index)
	validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
	ws.add_data_validation(validation)


def write_instructions(workbook: Workbook, language: str, headings: Mapping) -> None:
	ws = workbook.create_sheet(sheet_title(INSTRUCTIONS, language), 0)
	ws.append([headings["title"]])
	ws["A1"].font = Font(bold=True, size=14)
	for line in headings["intro"]:
		ws.append([line])
	ws.append([])
	ws.append([headings["sheet"], headings["column"], headings["required"], headings["rule"]])
	for cell in ws[ws.max_row]:
		cell.font = Font(bold=True)
	for sheet in DATA_SHEETS:
		for column in COLUMNS[sheet]:
			ws.append(
				[
					sheet_title(sheet, language),
					header(column, language),
					headings["yes"] if column.required else "",
					rule(column, language),
				]
			)
	for letter, width in zip("ABCD", (14, 22, 10, 80), strict=True):
		ws.column_dimensions[letter].width = width


def build_error_report(
	headers: Mapping[str, tuple], failed: Iterable[tuple[Record, str]], reason_header: str
) -> bytes:
	"""The failed rows exactly as uploaded, each sheet with its own header plus a column with the reason. A row
	of a mapped file comes back as the uploaded row, once, whose contacts and bank accounts it also holds."""
	workbook = Workbook()
	workbook.remove(workbook.active)
	sheets, uploaded_rows = {}, set()
	for record, reason in failed:
		if record.source:
			if record.row in uploaded_rows:
				continue
			uploaded_rows.add(record.row)
		sheet, header, cells = uploaded(record, headers)
		ws = sheets.get(sheet)
		if ws is None:
			ws = sheets[sheet] = workbook.create_sheet(sheet)
			ws.append([neutralise(h) for h in header] + [reason_header])
		ws.append([neutralise(v) for v in cells] + [neutralise(reason)])
	if not sheets:
		workbook.create_sheet("Customers").append([reason_header])
	return to_bytes(workbook)


def uploaded(record: Record, headers: Mapping[str, tuple]) -> tuple[str, tuple, tuple]:
	"""The sheet, its headings and the row as they were uploaded."""
	if record.source:
		return record.source.sheet, record.source.header, record.source.cells
	return record.sheet, headers.get(record.sheet, ()), record.raw


def to_bytes(workbook: Workbook) -> bytes:
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()
