"""Reading a customer import workbook into clean rows, with every problem located by sheet, row and column.

Nothing is written anywhere: the Frappe layer validates and imports what this returns.
"""

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import openpyxl
import pandas as pd

from customer_onboarding.core.importing.layout import (
	BANK_ACCOUNTS,
	CATEGORIES,
	COLUMNS,
	CONTACTS,
	CUSTOMER_TYPES,
	CUSTOMERS,
	DATA_SHEETS,
	FLAGS,
	Column,
	column_for_header,
	sheet_for_title,
)
from customer_onboarding.core.importing.mapping import (
	MappedRow,
	find_header_row,
	heading_words,
	template_headers,
	to_template_rows,
)
from customer_onboarding.core.problems import Problem
from customer_onboarding.core.tax_id import normalise_tax_id
from customer_onboarding.core.text import squeeze_spaces, to_half_width

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_EXACT_DIGITS = 15  # a spreadsheet number keeps 15 significant digits


@dataclass
class ImportProblem:
	"""A problem at a place in the workbook; row is the spreadsheet row number (1 = header). In a file read
	through a mapping, `source` is the uploaded sheet's name and the heading of the column there (empty for a
	template column that no heading fills)."""

	code: str
	sheet: str = ""
	row: int = 0
	column: str = ""
	value: str = ""
	details: tuple[str, ...] = ()
	source: tuple[str, str] | None = None


@dataclass(frozen=True)
class Source:
	"""Where a row of a mapped file was uploaded: the sheet's name, the row's number there, the heading of each
	template column it fills (by the column's English name), and the uploaded row with its sheet's headings."""

	sheet: str
	row: int
	headings: dict[str, str]
	cells: tuple = ()
	header: tuple = ()


@dataclass
class Record:
	sheet: str
	row: int
	values: dict[str, Any]
	raw: tuple
	problems: list[ImportProblem] = field(default_factory=list)
	source: Source | None = None

	def problem(
		self, code: str, column: str = "", value: str = "", details: tuple[str, ...] = ()
	) -> ImportProblem:
		"""A problem on this row, in a template column (by English name)."""
		if self.source is None:
			return ImportProblem(code, self.sheet, self.row, column, value, details)
		source = (self.source.sheet, self.source.headings.get(column, ""))
		return ImportProblem(code, self.sheet, self.source.row, column, value, details, source)


@dataclass
class CustomerRecord(Record):
	contacts: list[Record] = field(default_factory=list)
	bank_accounts: list[Record] = field(default_factory=list)

	@property
	def all_problems(self) -> list[ImportProblem]:
		return self.problems + [p for r in self.contacts + self.bank_accounts for p in r.problems]


@dataclass
class ParsedFile:
	customers: list[CustomerRecord] = field(default_factory=list)
	problems: list[ImportProblem] = field(default_factory=list)  # about the file as a whole
	headers: dict[str, tuple] = field(default_factory=dict)
	orphans: list[Record] = field(default_factory=list)  # contacts or bank rows whose key matches no customer

	@property
	def ok(self) -> bool:
		return not self.problems


def parse_workbook(content: bytes, filename: str = "") -> ParsedFile:
	result = ParsedFile()
	workbook = open_workbook(content, filename, result)
	if workbook is None:
		return result
	sheets = find_sheets(workbook, result)
	if not result.ok:
		return result
	records = {}
	for sheet in DATA_SHEETS:
		records[sheet] = read_sheet(sheets[sheet], sheet, result)
	if not records[CUSTOMERS] and result.ok:
		result.problems.append(ImportProblem("empty_sheet", CUSTOMERS))
	if result.ok:
		attach_children(records, result)
	return result


@dataclass(frozen=True)
class MappingSpec:
	"""A saved mapping: the target code of each heading (compared by `heading_words`), the spreadsheet row of
	the headings (0: found by them) and values every customer takes where the file has none."""

	targets: dict[str, str]
	header_row: int = 0
	defaults: dict[str, Any] = field(default_factory=dict)


def parse_mapped_workbook(content: bytes, filename: str, spec: MappingSpec) -> ParsedFile:
	"""A workbook in another layout, read through a mapping: every sheet that has the mapping's headings, its
	rows turned into the template's three sheets. Problems name the uploaded sheet, its row and its heading.

	The rows of a later sheet are numbered on after the earlier sheets' rows, so that a row number names one row
	of the file: the import's log, its shares and its resume go by it."""
	result = ParsedFile()
	workbook = open_workbook(content, filename, result)
	if workbook is None:
		return result
	records: dict[str, list[Record]] = {sheet: [] for sheet in DATA_SHEETS}
	offset = 0
	for index, ws in enumerate(workbook.worksheets):
		for sheet, rows in mapped_sheet(index, ws, spec).items():
			records[sheet] += [
				read_row(
					sheet,
					offset + row.number,
					row.raw,
					list(COLUMNS[sheet]),
					Source(ws.title, row.number, row.headings, row.cells, row.header),
				)
				for row in rows
			]
		offset += ws.max_row
	result.headers = template_headers()
	if not records[CUSTOMERS]:
		result.problems.append(ImportProblem("mapping_not_found", value=filename))
		return result
	attach_children(records, result)
	return result


def mapped_sheet(index: int, ws, spec: MappingSpec) -> dict[str, list[MappedRow]]:
	rows = [tuple(row) for row in ws.iter_rows(values_only=True)]
	header = spec.header_row - 1 if spec.header_row else find_header_row(rows, spec.targets)
	if header is None or header >= len(rows):
		return {}
	targets = [spec.targets.get(heading_words(cell)) for cell in rows[header]]
	return to_template_rows(index, header, rows, targets, spec.defaults)


def open_workbook(content: bytes, filename: str, result: ParsedFile):
	if len(content) > MAX_FILE_BYTES:
		result.problems.append(ImportProblem("file_too_large", details=(str(len(content) // (1024 * 1024)),)))
		return None
	if (filename and not filename.lower().endswith(".xlsx")) or not zipfile.is_zipfile(io.BytesIO(content)):
		result.problems.append(ImportProblem("not_xlsx", value=filename))
		return None
	try:
		return openpyxl.load_workbook(io.BytesIO(content), data_only=False)
	except Exception:
		result.problems.append(ImportProblem("not_xlsx", value=filename))
		return None


def find_sheets(workbook, result: ParsedFile) -> dict:
	found = {sheet_for_title(ws.title): ws for ws in workbook.worksheets if sheet_for_title(ws.title)}
	for sheet in DATA_SHEETS:
		if sheet not in found:
			result.problems.append(ImportProblem("missing_sheet", sheet))
	return found


def read_sheet(ws, sheet: str, result: ParsedFile) -> list[Record]:
	columns = read_header(ws, sheet, result)
	if columns is None:
		return []
	refuse_merged_cells(ws, sheet, result)
	frame = pd.DataFrame(ws.iter_rows(min_row=2, values_only=True)).dropna(how="all")
	records = []
	for index, raw in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
		if all(value is None or str(value).strip() == "" for value in raw):
			continue
		records.append(read_row(sheet, int(index) + 2, raw, columns))
	return records


def read_header(ws, sheet: str, result: ParsedFile) -> list[Column | None] | None:
	first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
	result.headers[sheet] = tuple(first)
	columns = [column_for_header(sheet, str(text)) if text is not None else None for text in first]
	unknown = [
		str(text) for text, column in zip(first, columns, strict=True) if text is not None and column is None
	]
	missing = [c.en for c in COLUMNS[sheet] if c.required and c not in columns]
	for text in unknown:
		result.problems.append(ImportProblem("unknown_header", sheet, 1, text))
	for name in missing:
		result.problems.append(ImportProblem("missing_header", sheet, 1, name))
	return None if unknown or missing else columns


def refuse_merged_cells(ws, sheet: str, result: ParsedFile) -> None:
	for cell_range in ws.merged_cells.ranges:
		result.problems.append(
			ImportProblem("merged_cells", sheet, cell_range.min_row, value=str(cell_range))
		)


def read_row(
	sheet: str, row: int, raw: tuple, columns: list[Column | None], source: Source | None = None
) -> Record:
	record = Record(sheet, row, {}, raw, source=source)
	for value, column in zip(raw, columns, strict=False):
		if column is None:
			continue
		clean, problem = clean_value(value, column)
		if problem:
			record.problems.append(record.problem(problem, column.en, display(value)))
		record.values[column.key] = clean
	for column in COLUMNS[sheet]:
		if (
			column.required
			and not record.values.get(column.key)
			and not any(p.column == column.en for p in record.problems)
		):
			record.problems.append(record.problem("required", column.en))
	return record


def display(value: Any) -> str:
	return "" if value is None else str(value)


def clean_value(value: Any, column: Column) -> tuple[Any, str | None]:
	"""The cleaned cell value and the code of its problem, if any."""
	if isinstance(value, str) and value.startswith("="):
		return None, "formula"
	if value is None or (isinstance(value, str) and not value.strip()):
		return ("" if column.kind != "flag" else False), None
	if column.kind in ("phone", "id", "key"):
		return clean_identifier(value)
	if column.kind == "int":
		return clean_int(value)
	if column.kind == "flag":
		flag = FLAGS.get(text_of(value).casefold())
		return (flag, None) if flag is not None else (False, "not_yes_no")
	if column.kind == "choice":
		return clean_choice(text_of(value), column)
	if column.kind == "email":
		return text_of(value).casefold(), None
	if not isinstance(value, str):
		return text_of(value), None
	return text_of(value), None


def text_of(value: Any) -> str:
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return squeeze_spaces(to_half_width(str(value)))


def clean_identifier(value: Any) -> tuple[str, str | None]:
	"""Phone numbers, tax IDs and account numbers must survive the trip through a spreadsheet number."""
	if isinstance(value, bool):
		return str(value), "not_text"
	if isinstance(value, float):
		if not value.is_integer():
			return str(value), "number_as_float"
		value = int(value)
	if isinstance(value, int):
		if len(str(abs(value))) > MAX_EXACT_DIGITS:
			return str(value), "number_too_long"
		return str(value), None
	if not isinstance(value, str):
		return str(value), "not_text"
	text = squeeze_spaces(to_half_width(value))
	if "e+" in text.casefold() and text.replace(".", "").replace("E+", "").replace("e+", "").isdigit():
		return text, "number_as_float"
	return text, None


def clean_int(value: Any) -> tuple[int | None, str | None]:
	try:
		number = float(text_of(value))
	except ValueError:
		return None, "not_a_number"
	if not number.is_integer() or number < 0:
		return None, "not_a_whole_number"
	return int(number), None


def clean_choice(text: str, column: Column) -> tuple[str, str | None]:
	options = CUSTOMER_TYPES if column.key == "customer_type" else CATEGORIES
	for canonical, chinese in options.items():
		if text.casefold() in (canonical.casefold(), chinese.casefold()):
			return canonical, None
	return text, "not_an_option"


def attach_children(records: dict[str, list[Record]], result: ParsedFile) -> None:
	customers = [CustomerRecord(**vars(r)) for r in records[CUSTOMERS]]
	refuse_repeated_keys(customers)
	by_key = customer_keys(customers)
	for sheet, attribute in ((CONTACTS, "contacts"), (BANK_ACCOUNTS, "bank_accounts")):
		for record in records[sheet]:
			owner = by_key.get(record.values.get("customer_key"))
			if owner is None:
				record.problems.append(
					record.problem(
						"unknown_customer_key", "Customer Key", record.values.get("customer_key", "")
					)
				)
				result.orphans.append(record)
			else:
				getattr(owner, attribute).append(record)
	result.customers = customers


def customer_keys(customers: Iterable[CustomerRecord]) -> dict[str, CustomerRecord]:
	keys = {}
	for customer in customers:
		for key in (customer.values.get("row_key"), customer.values.get("tax_id")):
			if key:
				keys.setdefault(key, customer)
	return keys


def refuse_repeated_keys(customers: list[CustomerRecord]) -> None:
	for column_key, column_name in (("row_key", "Row Key"), ("tax_id", "Tax ID")):
		seen: dict[str, int] = {}
		for customer in customers:
			key = comparable_key(column_key, customer.values.get(column_key))
			if not key:
				continue
			if key in seen:
				customer.problems.append(
					customer.problem("repeated_in_file", column_name, key, (str(seen[key]),))
				)
			else:
				seen[key] = customer.row


def comparable_key(column_key: str, value: str | None) -> str | None:
	"""Tax IDs that differ only in case or separators are the same tax ID once saved."""
	return normalise_tax_id(value) if column_key == "tax_id" else value


def problem_for(record: Record, problem: Problem) -> ImportProblem:
	"""A validation problem of the customer rules, placed on the row it came from."""
	column = next((c.en for c in COLUMNS[record.sheet] if c.key == problem.fieldname), problem.fieldname)
	return record.problem(problem.code, column, problem.value, problem.details)
