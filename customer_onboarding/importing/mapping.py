"""Column mappings for files in another layout: suggested from an uploaded file, saved under a name, and read
back as the parser wants them."""

import frappe
from frappe.model.document import Document

from customer_onboarding.core.importing.mapping import (
	all_targets,
	guess_header_row,
	heading_words,
	suggest_targets,
	target_for,
)
from customer_onboarding.core.importing.parsing import MappingSpec, ParsedFile, open_workbook
from customer_onboarding.importing.messages import import_problem_message

MAPPING = "Customer Import Mapping"
SAMPLE_ROWS = 5


def target_label(code: str) -> str:
	target = target_for(code)
	return target.label(frappe.local.lang or "en") if target else code


def mapping_spec(name: str) -> MappingSpec:
	mapping = frappe.get_cached_doc(MAPPING, name)
	return MappingSpec(
		{heading_words(row.heading): row.target for row in mapping.columns if row.target},
		mapping.header_row or 0,
		{"customer_type": mapping.default_customer_type or "Company"},
	)


def column_suggestions(doc: Document) -> dict:
	"""Every column of the file's first sheet that has headings, with a few values and the target suggested
	(or the import's mapping's own, for a heading it knows); the targets to choose from."""
	rows = first_rows(doc)
	header = guess_header_row(rows)
	headings = list(rows[header]) if rows else []
	samples = rows[header + 1 : header + 1 + SAMPLE_ROWS]
	suggested = suggest_targets(headings, samples)
	known = mapping_spec(doc.mapping).targets if doc.mapping else {}
	columns = [
		{
			"heading": str(heading),
			"samples": [str(row[index]) for row in samples if index < len(row) and row[index] is not None],
			"target": known.get(heading_words(heading), suggestion if not known else None),
		}
		for index, (heading, suggestion) in enumerate(zip(headings, suggested, strict=True))
		if heading is not None and str(heading).strip()
	]
	return {
		"header_row": header + 1,
		"columns": columns,
		"targets": [{"value": t.code, "label": target_label(t.code)} for t in all_targets()],
		"mapping": doc.mapping,
	}


def first_rows(doc: Document) -> list[tuple]:
	"""The first rows of the first sheet of the import's file, opened with the template's checks."""
	file = frappe.get_doc("File", {"file_url": doc.import_file})
	result = ParsedFile()
	book = open_workbook(file.get_content(), file.file_name, result)
	if book is None:
		frappe.throw(import_problem_message(result.problems[0]))
	return [tuple(row) for row in book.worksheets[0].iter_rows(max_row=20, values_only=True)]


def save_mapping(doc: Document, mapping_name: str, columns: list[dict], customer_type: str | None) -> str:
	"""Create the mapping, or replace the columns of the one of that name, and use it for this import."""
	name = frappe.db.exists(MAPPING, mapping_name)
	mapping = frappe.get_doc(MAPPING, name) if name else frappe.new_doc(MAPPING)
	mapping.mapping_name = mapping_name
	mapping.default_customer_type = customer_type or "Company"
	mapping.set("columns", [])
	for column in columns:
		mapping.append("columns", {"heading": column.get("heading"), "target": column.get("target") or None})
	mapping.save()
	doc.mapping = mapping.name
	doc.save()
	return mapping.name
