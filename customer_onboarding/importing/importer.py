"""Bulk import of customers with their contacts and bank accounts, through the same rules as the form.

Each customer is written with its contacts and bank accounts inside one savepoint, together with its log row,
so a customer is either complete or absent; commits happen every BATCH customers. The rows are split into
shares, each imported by one background job (`importing/jobs.py`); the share that logs the last row finishes
the import. A killed worker loses at most its open batch, and a restart skips every row that has a log row.
"""

import json
import os
from functools import partial

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow
from frappe.utils import now_datetime

from customer_onboarding.change_requests.importing import request_changes, requested_changes
from customer_onboarding.coding import code_series, keep_legacy_code, reserve_codes
from customer_onboarding.constants import SUBMIT_FOR_REVIEW
from customer_onboarding.core.change_requests import as_text, changed_fields
from customer_onboarding.core.codes import ResolvedPattern
from customer_onboarding.core.importing.layout import BANK_ACCOUNTS, COLUMNS, CONTACTS, CUSTOMERS
from customer_onboarding.core.importing.parsing import (
	CustomerRecord,
	ImportProblem,
	ParsedFile,
	parse_mapped_workbook,
	parse_workbook,
	problem_for,
)
from customer_onboarding.core.importing.workbooks import build_error_report
from customer_onboarding.core.match_keys import NAME, customer_keys, tax_id_key
from customer_onboarding.core.shards import share_count, split_in_file_order
from customer_onboarding.core.tax_id import ORGANISATION_TYPES, normalise_tax_id
from customer_onboarding.exceptions import RegistryError
from customer_onboarding.importing.lookups import cheaper_lookups
from customer_onboarding.importing.mapping import mapping_spec
from customer_onboarding.importing.messages import import_problem_message
from customer_onboarding.match_keys.store import (
	bump_key_version,
	customers_with_any,
	match_keys_refreshed_once,
	write_new_customer_keys,
)
from customer_onboarding.messages import plain_text
from customer_onboarding.registry.batch import check_customers
from customer_onboarding.registry.providers import has_provider
from customer_onboarding.settings import get_settings
from customer_onboarding.utils.bulk import bulk_memo, insert_rows
from customer_onboarding.validation import (
	contact_problems,
	customer_problems,
	normalise_customer,
	preloaded_tax_id_holders,
	tax_id_holders,
)

BATCH = 50
LOG = "Customer Import Log"
CUSTOMER_FIELDS = (
	"customer_name",
	"customer_type",
	"customer_group",
	"territory",
	"customer_category",
	"tax_id",
	"mobile_no",
	"email_id",
	"registered_address",
	"account_manager",
	"credit_days",
	"customer_code",
	"legacy_code",
)
# A customer's codes, new and old, are not changed by an update.
KEPT_ON_UPDATE = ("customer_code", "legacy_code")
LINKS = {"customer_group": "Customer Group", "territory": "Territory", "account_manager": "User"}


def read_file(doc: Document) -> ParsedFile:
	"""The template, or a file in another layout through the import's mapping."""
	file = frappe.get_doc("File", {"file_url": doc.import_file})
	if doc.mapping:
		return parse_mapped_workbook(file.get_content(), file.file_name, mapping_spec(doc.mapping))
	return parse_workbook(file.get_content(), file.file_name)


# Dry run ---------------------------------------------------------------------------------------------------


def validate_import(doc: Document, progress=None) -> dict:
	"""Check every row without writing a customer; store the problems on the import.

	`progress(doc, done, total)` is called every BATCH rows checked (the desk's dry run runs as a job)."""
	parsed = read_file(doc)
	problems = (
		list(parsed.problems) + [p for r in parsed.orphans for p in r.problems] + permission_problems(parsed)
	)
	existing, change_requests = 0, []
	with bulk_memo(preloaded_tax_id_holders(tax_ids(parsed.customers))):
		for index, record in enumerate(parsed.customers, start=1):
			match = matching_customer(record)
			existing += bool(match)
			problems += record.all_problems + row_rule_problems(doc, record, match)
			if match and doc.update_existing and requested_changes(*updated_customer(match, record)):
				change_requests.append(record.row)
			if progress and index % BATCH == 0:
				progress(doc, index, len(parsed.customers))
	summary = summarise(parsed, problems, existing) | {"change_requests": change_requests}
	doc.db_set(
		{
			"status": "Invalid" if problems else "Validated",
			"total_rows": len(parsed.customers),
			"problems_json": json.dumps(summary, ensure_ascii=False),
		},
		notify=True,
	)
	return summary


def tax_ids(records: list[CustomerRecord]) -> list[str]:
	return [tax_id for r in records if (tax_id := normalise_tax_id(r.values.get("tax_id")))]


def permission_problems(parsed: ParsedFile) -> list[ImportProblem]:
	needed = {"Customer": parsed.customers, "Contact": [c for r in parsed.customers for c in r.contacts]}
	needed["Bank Account"] = [b for r in parsed.customers for b in r.bank_accounts]
	sheets = {"Customer": CUSTOMERS, "Contact": CONTACTS, "Bank Account": BANK_ACCOUNTS}
	return [
		ImportProblem("no_permission", sheets[doctype], details=(doctype,))
		for doctype, rows in needed.items()
		if rows and not frappe.has_permission(doctype, "create")
	]


def row_rule_problems(doc: Document, record: CustomerRecord, match: str | None) -> list[ImportProblem]:
	"""The form's own checks (and the link checks of a save) on one row and its contacts, without saving,
	as the import will apply them: a row that matches an existing customer is skipped, or updates it."""
	if match and not doc.update_existing:
		return []
	customer = new_customer(record)
	customer.name = match
	normalise_customer(customer)
	found = [problem_for(record, p) for p in customer_problems(customer)]
	for row in [] if match else record.contacts:
		found += [
			problem_for(row, p) for p in contact_problems(new_contact(row.values, customer.name or "new"))
		]
	for fieldname, doctype in LINKS.items():
		value = customer.get(fieldname)
		if value and not link_exists(doctype, value):
			found.append(record.problem("unknown_link", column_name(fieldname), value, (doctype,)))
	return found


@frappe.request_cache
def link_exists(doctype: str, name: str) -> bool:
	return bool(frappe.db.exists(doctype, name))


def column_name(fieldname: str) -> str:
	return next(c.en for c in COLUMNS[CUSTOMERS] if c.key == fieldname)


def summarise(parsed: ParsedFile, problems: list[ImportProblem], existing: int) -> dict:
	return {
		"refused": not parsed.ok,
		"customers": len(parsed.customers),
		"existing": existing,
		"contacts": sum(len(c.contacts) for c in parsed.customers),
		"bank_accounts": sum(len(c.bank_accounts) for c in parsed.customers),
		"problems": [
			{
				"sheet": p.source[0] if p.source else p.sheet,
				"row": p.row,
				"column": (p.source and p.source[1]) or p.column,
				"message": plain_text(import_problem_message(p)),
			}
			for p in problems
		],
	}


def new_customer(record: CustomerRecord) -> Document:
	values = {
		key: record.values.get(key) for key in CUSTOMER_FIELDS if record.values.get(key) not in (None, "")
	}
	values.setdefault("customer_group", frappe.db.get_single_value("Selling Settings", "customer_group"))
	values.setdefault("territory", frappe.db.get_single_value("Selling Settings", "territory"))
	return frappe.get_doc({"doctype": "Customer", **values})


# Import ----------------------------------------------------------------------------------------------------


def run_import(import_name: str, progress=None, shares: int | None = None) -> dict:
	"""Import every row not yet done in this process, share after share (the command line, tests, benchmarks).

	`progress(doc, done, total)` is called as batches finish. In the background each share is a job of its own.
	"""
	for rows, codes in plan_import(import_name, shares):
		import_share(import_name, rows, codes, progress)
	finish_if_last(import_name)
	return totals(frappe.get_doc("Customer Import", import_name))


Share = tuple[list[int], dict[int, str]]


def plan_import(import_name: str, shares: int | None = None) -> list[Share]:
	"""Mark the import running and split the rows not yet done into shares (default: the settings' number),
	runs of the file in its order; reserve each share's codes, share after share, so codes follow the file.

	Returns each share's row numbers and the code reserved for each of its new customers; no share when the
	file is refused (the import fails) or every row is done.
	"""
	doc = frappe.get_doc("Customer Import", import_name)
	parsed = read_file(doc)
	if not parsed.ok:
		doc.db_set("status", "Failed")
		return []
	pending = pending_records(doc, parsed)
	count = share_count(len(pending), shares or get_settings().import_workers, os.cpu_count() or 1)
	with bulk_memo(preloaded_tax_id_holders(tax_ids(pending))):
		series = {record.row: new_series(doc, record) for record in pending}
		planned = split_in_file_order(pending, count, lambda record: share_key(record, series[record.row]))
		reserved = [reserve_share_codes(share, series) for share in planned]
	doc.db_set(
		{"status": "Running", "total_rows": len(parsed.customers), "shares": len(planned)}, notify=True
	)
	frappe.db.commit()
	return [([r.row for r in share], codes) for share, codes in zip(planned, reserved, strict=True)]


def new_series(doc: Document, record: CustomerRecord) -> ResolvedPattern | None:
	"""The series the row's new customer takes its code from; None for a row that creates no customer, keeps
	the code it brings (a System Manager's, or a free legacy code the import keeps), or matches no rule.

	A kept legacy code moves its series' counter past it here, before any share reserves codes, so the codes
	given by rule go on above it."""
	if record.all_problems or matching_customer(record):
		return None
	if record.values.get("customer_code") and "System Manager" in frappe.get_roles():
		return None
	try:
		customer = new_customer(record)
		if doc.keep_legacy_codes and keep_legacy_code(customer):
			return None
		return code_series(customer)
	except frappe.ValidationError:
		frappe.clear_messages()
		return None


def share_key(record: CustomerRecord, series: ResolvedPattern | None) -> str | None:
	"""Rows of one customer name without a code series go to one share: ERPNext then names customers by name
	and numbers a repeated one, which two shares would race for."""
	return None if series or record.all_problems else record.values.get("customer_name")


def reserve_share_codes(share: list[CustomerRecord], series: dict) -> dict[int, str]:
	"""One block of serials per series for the share's new customers, in file order: row -> code."""
	rows_by_series: dict[ResolvedPattern, list[int]] = {}
	for record in share:
		if series[record.row]:
			rows_by_series.setdefault(series[record.row], []).append(record.row)
	codes = {}
	for resolved, rows in rows_by_series.items():
		codes.update(zip(rows, reserve_codes(resolved, len(rows)), strict=True))
	return codes


def pending_records(doc: Document, parsed: ParsedFile, rows: list[int] | None = None) -> list[CustomerRecord]:
	"""The file's customer rows (only `rows`, when given) that have no log row yet."""
	done = set(frappe.get_all(LOG, {"customer_import": doc.name}, pluck="row"))
	wanted = set(rows) if rows is not None else None
	return [r for r in parsed.customers if r.row not in done and (wanted is None or r.row in wanted)]


def import_share(import_name: str, rows: list[int], codes: dict[int, str], progress=None) -> None:
	"""Import one share's rows that are not yet done, each new customer with the code reserved for its row,
	then finish the import if no row is left."""
	doc = frappe.get_doc("Customer Import", import_name)
	records = pending_records(doc, read_file(doc), rows)
	try:
		with bulk_memo(preloaded_tax_id_holders(tax_ids(records))), cheaper_lookups():
			import_records(doc, records, codes, partial(report_progress, doc, progress or publish))
	finally:
		bump_key_version()
	finish_if_last(import_name)


def finish_if_last(import_name: str) -> None:
	"""Write the totals and the error report once every row has its log row. The import's own row is locked, so
	of two shares that end together one finishes the import and the other finds it finished."""
	status = frappe.db.get_value("Customer Import", import_name, "status", for_update=True)
	doc = frappe.get_doc("Customer Import", import_name)
	if status != "Running" or logged_rows(doc) < doc.total_rows:
		frappe.db.commit()
		return
	finish(doc)
	frappe.db.commit()
	check_in_registry(doc)


def check_in_registry(doc: Document) -> None:
	"""With *Check companies in the business registry*, the companies this import created or updated are checked,
	through the registry cache: a code that repeats is asked once. A failing registry leaves the import done."""
	if not (doc.check_registry and has_provider()):
		return
	imported = frappe.get_all(
		LOG,
		{"customer_import": doc.name, "outcome": ["in", ("Created", "Updated")]},
		pluck="customer",
	)
	try:
		check_customers(
			{"name": ["in", imported], "customer_type": ["in", ORGANISATION_TYPES], "tax_id": ["is", "set"]}
		)
	except RegistryError:
		frappe.clear_messages()


def import_records(doc: Document, records: list[CustomerRecord], codes: dict[int, str], report=None) -> None:
	"""Import rows in order, committing every BATCH rows with their log rows and then calling `report()`; run by
	each share."""
	logs = []
	for index, record in enumerate(records, start=1):
		logs.append(import_row(doc, record, codes.get(record.row)))
		if index % BATCH == 0 or index == len(records):
			write_logs(logs)
			logs.clear()
			frappe.db.commit()
			forget_finished_saves()
			if report:
				report()


def forget_finished_saves() -> None:
	"""Frappe notes every document it inserts in `flags.currently_saving` before the document has its name, and
	takes the note off by name, so it stays until the request ends. An import is one long job: the list grows by
	two entries per customer and every save scans it. Between batches nothing is being saved."""
	frappe.flags.currently_saving.clear()


def report_progress(doc: Document, progress) -> None:
	progress(doc, logged_rows(doc), doc.total_rows)


def logged_rows(doc: Document) -> int:
	return frappe.db.count(LOG, {"customer_import": doc.name})


def import_progress(doc: Document) -> dict:
	return {"status": doc.status, "total_rows": doc.total_rows or 0, "done": logged_rows(doc)}


def import_row(doc: Document, record: CustomerRecord, code: str | None = None) -> tuple:
	"""Write one row, or nothing; return its log row, which is written with the batch's commit, so that a row is
	logged exactly when its customer is committed. A row that does not create the customer its `code` was
	reserved for leaves that code unused, a gap its log row names."""
	savepoint = f"row_{record.row}"
	frappe.db.savepoint(savepoint)
	try:
		with match_keys_refreshed_once():
			outcome, customer = write_customer(doc, record, code)
		return log_row(doc, record, outcome, customer, "" if outcome == "Created" else gap_note(code))
	except Exception as error:
		message = failure_message(error, record)
		frappe.db.rollback(save_point=savepoint)
		frappe.clear_messages()
		return log_row(doc, record, "Failed", None, " ".join(filter(None, (message, gap_note(code)))))


def gap_note(code: str | None) -> str:
	return (
		_("Code {0}, reserved for this row, stays unused: a gap in its series.").format(code) if code else ""
	)


def failure_message(error: Exception, record: CustomerRecord) -> str:
	if record.all_problems:
		return "; ".join(plain_text(import_problem_message(p)) for p in record.all_problems)
	logged = [str(m.get("message", "")) for m in frappe.get_message_log()]
	return plain_text(str(error) or (logged[-1] if logged else "")) or type(error).__name__


def write_customer(doc: Document, record: CustomerRecord, code: str | None) -> tuple[str, str | None]:
	if record.all_problems:
		raise frappe.ValidationError
	existing = matching_customer(record)
	if existing and not doc.update_existing:
		return "Skipped", existing
	if existing:
		return update_customer(doc, existing, record), existing
	customer = new_customer(record)
	customer.flags.reserved_customer_code = code
	customer.flags.keep_legacy_code = doc.keep_legacy_codes
	customer.insert()
	write_new_customer_keys(customer, add_contacts(customer, record))
	add_bank_accounts(customer, record)
	if doc.submit_for_review:
		apply_workflow(customer, SUBMIT_FOR_REVIEW)
	return "Created", customer.name


def matching_customer(record: CustomerRecord) -> str | None:
	"""Existing customer by Tax ID, then by Customer Code; for a row with neither, by the same mobile number or
	e-mail together with the same name. All through the match keys, as `find_duplicates` compares."""
	tax_id = record.values.get("tax_id")
	holders = tax_id_holders(tax_id) if tax_id_key(tax_id) else []
	if holders:
		return holders[0][0]
	code = record.values.get("customer_code")
	if code:
		return frappe.db.get_value("Customer", {"customer_code": code})
	return None if tax_id_key(tax_id) else customer_with_same_contact_and_name(record)


def customer_with_same_contact_and_name(record: CustomerRecord) -> str | None:
	rows = [record.values, *(contact.values for contact in record.contacts)]
	keys = customer_keys(
		record.values.get("customer_name"),
		phones=[row.get(field) for row in rows for field in ("mobile_no", "phone")],
		emails=[row.get("email_id") for row in rows],
		region=get_settings().default_phone_region,
	)
	contact_keys = {key for key in keys if key[0] != NAME}
	name_keys = keys - contact_keys
	if not (contact_keys and name_keys):
		return None
	return min(customers_with_any(name_keys) & customers_with_any(contact_keys), default=None)


def updated_customer(name: str, record: CustomerRecord) -> tuple[Document, Document]:
	"""The customer as stored, and as the row would leave it."""
	before = frappe.get_doc("Customer", name)
	customer = frappe.get_doc("Customer", name)
	for key in CUSTOMER_FIELDS:
		if key not in KEPT_ON_UPDATE and record.values.get(key) not in (None, ""):
			customer.set(key, record.values[key])
	return before, customer


def update_customer(doc: Document, name: str, record: CustomerRecord) -> str:
	"""Write the row's cells; a row that changes sensitive fields of an enabled customer becomes, as a whole, one
	change request instead of a direct write."""
	before, customer = updated_customer(name, record)
	if not requested_changes(before, customer):
		customer.save()
		return "Updated"
	changed = changed_fields(before, customer, [f for f in CUSTOMER_FIELDS if f not in KEPT_ON_UPDATE])
	request_changes(customer.name, {f: as_text(customer.get(f)) for f in changed}, doc, record.row)
	return "Change Requested"


def add_contacts(customer: Document, record: CustomerRecord) -> list[Document]:
	return [
		new_contact(row.values, customer.name, customer.customer_name).insert() for row in record.contacts
	]


def new_contact(values: dict, customer: str, title: str | None = None) -> Document:
	emails = [{"email_id": values["email_id"], "is_primary": 1}] if values.get("email_id") else []
	return frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": values.get("first_name"),
			"last_name": values.get("last_name"),
			"designation": values.get("designation"),
			"is_primary_contact": int(bool(values.get("is_primary"))),
			"links": [{"link_doctype": "Customer", "link_name": customer, "link_title": title}],
			"email_ids": emails,
			"phone_nos": phone_rows(values),
		}
	)


def phone_rows(values: dict) -> list[dict]:
	rows = []
	if values.get("mobile_no"):
		rows.append({"phone": values["mobile_no"], "is_primary_mobile_no": 1})
	if values.get("phone"):
		rows.append({"phone": values["phone"], "is_primary_phone": 1})
	return rows


def add_bank_accounts(customer: Document, record: CustomerRecord) -> None:
	for row in record.bank_accounts:
		values = row.values
		ensure_bank(values["bank"])
		frappe.get_doc(
			{
				"doctype": "Bank Account",
				"account_name": values.get("account_name") or free_account_name(customer, values),
				"bank": values["bank"],
				"bank_account_no": values["bank_account_no"],
				"branch_code": values.get("branch_code"),
				"is_default": int(bool(values.get("is_default"))),
				"party_type": "Customer",
				"party": customer.name,
			}
		).insert()


def free_account_name(customer: Document, values: dict) -> str:
	"""The customer's name, as the template promises; ERPNext names a bank account `<account name> - <bank>`, so
	where another customer of the same name (a legacy duplicate, a namesake) has an account at that bank, the
	name ends with the account number's last four digits."""
	name = customer.customer_name
	if frappe.db.exists("Bank Account", f"{name} - {values['bank']}"):
		name = f"{name} {values['bank_account_no'][-4:]}"
	return name


def ensure_bank(bank: str) -> None:
	if not frappe.db.exists("Bank", bank):
		frappe.get_doc({"doctype": "Bank", "bank_name": bank}).insert(ignore_permissions=True)


LOG_FIELDS = ["name", "creation", "modified", "owner", "modified_by", "customer_import", "row", "outcome"]
LOG_FIELDS += ["customer", "message"]


def log_row(doc: Document, record: CustomerRecord, outcome: str, customer: str | None, message: str) -> tuple:
	now, user = now_datetime(), frappe.session.user
	return (
		frappe.generate_hash(length=10),
		now,
		now,
		user,
		user,
		doc.name,
		record.row,
		outcome,
		customer,
		message,
	)


def write_logs(rows: list[tuple]) -> None:
	if rows:
		insert_rows(LOG, LOG_FIELDS, rows)


def publish(doc: Document, done: int, total: int) -> None:
	publish_rows(doc, _("Importing customers ({0})").format(doc.name), done, total)


def publish_checked(doc: Document, done: int, total: int) -> None:
	publish_rows(doc, _("Dry run ({0})").format(doc.name), done, total)


def publish_rows(doc: Document, title: str, done: int, total: int) -> None:
	frappe.publish_progress(
		done * 100 / max(total, 1),
		title=title,
		doctype=doc.doctype,
		docname=doc.name,
		description=_("{0} of {1} rows").format(done, total),
	)


def totals(doc: Document) -> dict:
	counts = frappe.get_all(
		LOG,
		filters={"customer_import": doc.name},
		fields=["outcome", "count(*) as n"],
		group_by="outcome",
	)
	by_outcome = {row.outcome: row.n for row in counts}
	return {
		"total_rows": doc.total_rows,
		"created": by_outcome.get("Created", 0),
		"updated": by_outcome.get("Updated", 0),
		"skipped": by_outcome.get("Skipped", 0),
		"change_requested": by_outcome.get("Change Requested", 0),
		"failed": by_outcome.get("Failed", 0),
	}


def finish(doc: Document) -> None:
	"""Totals and status; the file is read again only for the error report of an import with failed rows."""
	result = totals(doc)
	status = (
		"Completed"
		if not result["failed"]
		else ("Failed" if result["failed"] == result["total_rows"] else "Partially Completed")
	)
	doc.db_set(
		{
			**result,
			"status": status,
			"error_report": save_error_report(doc, read_file(doc)) if result["failed"] else None,
		},
		notify=True,
	)


def orphan_reason(record) -> str:
	return "; ".join(plain_text(import_problem_message(p)) for p in record.problems)


def save_error_report(doc: Document, parsed: ParsedFile) -> str:
	reasons = dict(
		frappe.get_all(
			LOG,
			filters={"customer_import": doc.name, "outcome": "Failed"},
			fields=["row", "message"],
			as_list=True,
		)
	)
	failed = [(record, reasons[record.row]) for record in parsed.customers if record.row in reasons]
	failed += [
		(child, reasons[r.row]) for r, _reason in list(failed) for child in r.contacts + r.bank_accounts
	]
	failed += [(orphan, orphan_reason(orphan)) for orphan in parsed.orphans]
	content = build_error_report(parsed.headers, failed, _("Error"))
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{doc.name}-errors.xlsx",
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"is_private": 1,
			"content": content,
		}
	).insert(ignore_permissions=True)
	return file.file_url
