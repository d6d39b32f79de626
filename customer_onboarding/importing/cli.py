"""The import as implementers run it from a shell: same rules, same totals, with a progress bar."""

import click
import frappe

from customer_onboarding.importing.importer import run_import, validate_import
from customer_onboarding.importing.mapping import MAPPING
from customer_onboarding.messages import plain_text


def run_from_command_line(
	path: str, dry_run: bool, options: dict[str, bool], mapping: str | None = None
) -> int:
	"""`options`: the import's checks by fieldname (submit_for_review, update_existing, keep_legacy_codes);
	`mapping`: the Customer Import Mapping of a file in another layout."""
	frappe.set_user("Administrator")
	if mapping and not frappe.db.exists(MAPPING, mapping):
		click.echo(f"No Customer Import Mapping named {mapping}", err=True)
		return 2
	doc = new_import(path, options, mapping)
	summary = validate_import(doc)
	frappe.db.commit()
	print_problems(summary)
	if dry_run:
		click.echo(
			f"{doc.name}: {summary['customers']} customers checked, {len(summary['problems'])} problems"
		)
		return 1 if summary["problems"] else 0
	with click.progressbar(length=summary["customers"], label="Importing customers") as bar:
		totals = run_import(doc.name, progress=lambda _doc, done, _total: bar.update(done - bar.pos))
	click.echo(
		"{name}: {total_rows} rows: {created} created, {updated} updated, {change_requested} change requested, "
		"{skipped} skipped as duplicate, "
		"{failed} failed".format(name=doc.name, **totals)
	)
	error_report = frappe.db.get_value("Customer Import", doc.name, "error_report")
	if error_report:
		click.echo(f"Error report: {frappe.utils.get_url(error_report)}")
	return 1 if totals["failed"] else 0


def new_import(path: str, options: dict[str, bool], mapping: str | None = None):
	with open(path, "rb") as f:
		content = f.read()
	file = frappe.get_doc(
		{"doctype": "File", "file_name": path.rsplit("/", 1)[-1], "is_private": 1, "content": content}
	).insert()
	doc = frappe.get_doc(
		{
			"doctype": "Customer Import",
			"import_file": file.file_url,
			"mapping": mapping,
			**{fieldname: int(bool(on)) for fieldname, on in options.items()},
		}
	).insert()
	frappe.db.commit()
	return doc


def print_problems(summary: dict, limit: int = 50) -> None:
	for problem in summary["problems"][:limit]:
		click.echo(plain_text(problem["message"]), err=True)
	if len(summary["problems"]) > limit:
		click.echo(f"... and {len(summary['problems']) - limit} more", err=True)
