import io
import json
import os
import subprocess
from unittest.mock import patch

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase
from frappe.utils.background_jobs import get_job, get_queue, get_redis_connection_without_auth

from customer_onboarding.api import (
	download_customer_template,
	find_duplicates,
	queue_customer_import_dry_run,
	start_customer_import,
	validate_customer_import,
)
from customer_onboarding.importing import importer
from customer_onboarding.importing.jobs import dry_run_job, dry_run_job_id, import_share_job
from customer_onboarding.match_keys.store import stored_keys, wanted_keys
from customer_onboarding.tests.exports import fresh_kingdee_rows, kingdee_export
from customer_onboarding.tests.import_helpers import (
	IMPORTER,
	ImportCase,
	customer_row,
	import_doc,
	kingdee_mapping,
	workbook_bytes,
)
from customer_onboarding.tests.utils import (
	NO_ROLES,
	SALES_USER,
	as_user,
	make_rule,
	make_standard_users,
	make_territory,
	make_user,
	unique_code,
)


def customers_with_tax_ids(*tax_ids) -> list[str]:
	return frappe.get_all("Customer", {"tax_id": ["in", tax_ids]}, pluck="name")


def published(events) -> list[dict]:
	messages = []
	while message := events.get_message(timeout=0.5):
		if message["type"] == "message":
			messages.append(json.loads(message["data"]))
	return messages


def file_content(file_url: str) -> bytes:
	return frappe.get_doc("File", {"file_url": file_url}).get_content()


class TestCustomerImport(ImportCase):
	def test_dry_run_lists_every_problem_and_changes_nothing(self):
		good, bad = customer_row(), customer_row(tax_id="123", mobile="12345")
		doc = import_doc(workbook_bytes([good, bad], [["NOPE", "三"], [good[0], "四", None, "12345"]]))
		before = frappe.db.count("Customer")
		summary = validate_customer_import(doc.name)
		messages = [p["message"] for p in summary["problems"]]
		self.assertTrue(
			any("row 3" in m and "Tax ID" in m and "18 characters" in m for m in messages), messages
		)
		self.assertTrue(any("row 3" in m and "Mobile No" in m for m in messages), messages)
		self.assertTrue(any("Contacts" in m and "NOPE" in m for m in messages), messages)
		self.assertTrue(any("Contacts, row 3" in m and "12345" in m for m in messages), messages)
		self.assertEqual(frappe.db.count("Customer"), before)
		self.assertEqual(frappe.db.get_value("Customer Import", doc.name, "status"), "Invalid")

	def test_customers_arrive_with_contacts_and_bank_accounts_in_the_first_state(self):
		key = unique_code(8)
		row = customer_row(key=key)
		doc = import_doc(
			workbook_bytes(
				[row],
				[[key, "四", "李", "13900139000", None, "li@example.com"]],
				[[row[6], "中国银行", "6217000010000000"]],
			)
		)
		totals = importer.run_import(doc.name)
		self.assertEqual(
			totals,
			{"total_rows": 1, "created": 1, "updated": 0, "change_requested": 0, "skipped": 0, "failed": 0},
			frappe.get_all("Customer Import Log", {"customer_import": doc.name}, pluck="message"),
		)
		customer = frappe.get_doc("Customer", customers_with_tax_ids(row[6])[0])
		self.assertEqual((customer.workflow_state, customer.customer_code), ("Draft", customer.name))
		contact = frappe.get_all(
			"Dynamic Link",
			{"link_doctype": "Customer", "link_name": customer.name, "parenttype": "Contact"},
			pluck="parent",
		)
		self.assertEqual(
			frappe.db.get_value("Dynamic Link", {"parent": contact[0]}, "link_title"), customer.customer_name
		)
		self.assertEqual(
			frappe.db.get_value("Bank Account", {"party": customer.name}, "bank_account_no"),
			"6217000010000000",
		)

	def test_an_imported_customers_keys_are_those_a_refresh_computes(self):
		key = unique_code(8)
		row = customer_row(key=key)
		contact = [key, "四", "李", "13900139000", "021 6212 3456", f"{key}@Example.com"]
		doc = import_doc(workbook_bytes([row], [contact]))
		importer.run_import(doc.name)
		customer = customers_with_tax_ids(row[6])[0]
		stored = {key for _name, key in stored_keys([customer])[customer]}
		self.assertEqual(stored, wanted_keys([customer])[customer])
		for query in ({"mobile_no": "139 0013 9000"}, {"email_id": f"{key}@example.com".upper()}):
			self.assertIn(customer, [c["customer"] for c in find_duplicates(customer_name="无关", **query)])

	def test_submit_for_review_after_import(self):
		row = customer_row()
		doc = import_doc(workbook_bytes([row]), submit_for_review=1)
		importer.run_import(doc.name)
		customer = frappe.db.get_value(
			"Customer", {"tax_id": row[6]}, ["name", "workflow_state"], as_dict=True
		)
		self.assertEqual(customer.workflow_state, "Pending Review")
		action = frappe.get_last_doc("Workflow Action", {"reference_name": customer.name, "status": "Open"})
		self.assertEqual(
			(action.workflow_state, [r.role for r in action.permitted_roles]),
			("Pending Review", ["Customer Onboarding Reviewer"]),
		)

	def test_same_file_twice_creates_nothing_new(self):
		content = workbook_bytes([customer_row(), customer_row()])
		importer.run_import(import_doc(content).name)
		count = frappe.db.count("Customer")
		again = import_doc(content)
		summary = validate_customer_import(again.name)
		self.assertEqual((summary["existing"], summary["problems"]), (2, []))
		totals = importer.run_import(again.name)
		self.assertEqual((totals["created"], totals["skipped"]), (0, 2))
		self.assertEqual(frappe.db.count("Customer"), count)

	def test_update_existing_writes_the_new_values(self):
		row = customer_row()
		importer.run_import(import_doc(workbook_bytes([row])).name)
		row[9] = "上海市静安区南京西路1号"
		update = import_doc(workbook_bytes([row]), update_existing=1)
		summary = validate_customer_import(update.name)
		self.assertEqual((summary["existing"], summary["problems"]), (1, []))
		totals = importer.run_import(update.name)
		self.assertEqual(totals["updated"], 1)
		self.assertEqual(
			frappe.db.get_value("Customer", {"tax_id": row[6]}, "registered_address"),
			"上海市静安区南京西路1号",
		)

	def test_a_customer_is_written_completely_or_not_at_all(self):
		key = unique_code(8)
		row = customer_row(key=key)
		doc = import_doc(workbook_bytes([row], [[key, "五", None, None, None, "not-an-email"]]))
		totals = importer.run_import(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (0, 1))
		self.assertEqual(customers_with_tax_ids(row[6]), [])

	def test_totals_add_up_and_failed_rows_come_back_as_uploaded_with_the_reason(self):
		rows = [customer_row(), customer_row(name="=HYPERLINK(1)"), customer_row(tax_id="bad")]
		doc = import_doc(workbook_bytes(rows))
		totals = importer.run_import(doc.name)
		self.assertEqual(totals["created"] + totals["updated"] + totals["skipped"] + totals["failed"], 3)
		self.assertEqual(totals["failed"], 2)
		report = openpyxl.load_workbook(
			io.BytesIO(file_content(frappe.db.get_value("Customer Import", doc.name, "error_report")))
		)
		sheet = report["Customers"]
		self.assertEqual(sheet.max_row, 3)
		self.assertTrue(str(sheet["B2"].value).startswith("'="))
		self.assertIn("Tax ID", sheet.cell(3, sheet.max_column).value)

	def test_an_interrupted_import_resumes_where_it_stopped(self):
		doc = import_doc(workbook_bytes([customer_row() for _ in range(5)]))
		totals = self.resumed_after_a_kill(doc.name)
		self.assertEqual((totals["created"], totals["failed"]), (5, 0))
		self.assertEqual(frappe.db.count("Customer Import Log", {"customer_import": doc.name}), 5)

	def test_two_shares_import_every_row_once_and_codes_follow_the_file_order(self):
		frappe.set_user("Administrator")
		prefixes = [unique_code(4), unique_code(4)]
		territories = [make_territory(f"Parallel {p}", p) for p in prefixes]
		for territory in territories:
			make_rule("{territory_code}-####", territory=territory)
		frappe.db.commit()
		frappe.set_user(IMPORTER)
		rows = [
			customer_row(territory=territories[i % 3]) if i % 3 < 2 else customer_row() for i in range(12)
		]
		doc = import_doc(workbook_bytes(rows))
		totals = importer.run_import(doc.name, shares=2)
		self.assertEqual((totals["created"], totals["failed"]), (12, 0), totals)
		self.assertEqual(len(customers_with_tax_ids(*[row[6] for row in rows])), 12)
		saved = [
			frappe.db.get_value("Customer", {"tax_id": row[6]}, ["territory", "customer_code"])
			for row in rows
		]
		for prefix, territory in zip(prefixes, territories, strict=True):
			codes = [code for row_territory, code in saved if row_territory == territory]
			self.assertEqual(codes, [f"{prefix}-{n:04d}" for n in range(1, 5)])

	def test_two_shares_import_rows_with_the_same_name_without_a_clash(self):
		name = f"同名测试{unique_code(6)}有限公司"
		rows = [customer_row(name=name) for _ in range(4)] + [customer_row() for _ in range(4)]
		totals = importer.run_import(import_doc(workbook_bytes(rows)).name, shares=2)
		self.assertEqual((totals["created"], totals["failed"]), (8, 0), totals)
		self.assertEqual(frappe.db.count("Customer", {"customer_name": name}), 4)

	def test_the_last_share_to_end_finishes_the_import_and_an_early_one_leaves_it_running(self):
		rows = [customer_row() for _ in range(4)] + [customer_row(tax_id="bad")]
		doc = import_doc(workbook_bytes(rows))
		first, second = importer.plan_import(doc.name, shares=2)
		importer.import_share(doc.name, *second)
		self.assertEqual(
			frappe.db.get_value("Customer Import", doc.name, ["status", "shares"]), ("Running", 2)
		)
		importer.import_share(doc.name, *first)
		saved = frappe.db.get_value("Customer Import", doc.name, ["status", "created", "failed"])
		self.assertEqual(saved, ("Partially Completed", 4, 1))
		self.assertTrue(frappe.db.get_value("Customer Import", doc.name, "error_report"))

	def test_shares_reserve_codes_in_file_order_and_a_row_failing_at_write_leaves_a_listed_gap(self):
		frappe.set_user("Administrator")
		prefix = unique_code(4)
		territory = make_territory(f"Reserved {prefix}", prefix)
		make_rule("{territory_code}-####", territory=territory)
		frappe.db.commit()
		frappe.set_user(IMPORTER)
		rows = [customer_row(territory=territory) for _ in range(6)]
		doc = import_doc(workbook_bytes(rows))
		first, second = importer.plan_import(doc.name, shares=2)
		reserved = list(first[1].values()) + list(second[1].values())
		self.assertEqual(reserved, [f"{prefix}-{n:04d}" for n in range(1, 7)])
		add_contacts = importer.add_contacts

		def contacts_fail_for_the_second_row(customer, record):
			if customer.tax_id == rows[1][6]:
				frappe.throw("The contact cannot be written")
			return add_contacts(customer, record)

		with patch.object(importer, "add_contacts", contacts_fail_for_the_second_row):
			importer.import_share(doc.name, *second)
			importer.import_share(doc.name, *first)
		codes = [frappe.db.get_value("Customer", {"tax_id": row[6]}, "customer_code") for row in rows]
		self.assertEqual(codes, [f"{prefix}-0001", None, *[f"{prefix}-{n:04d}" for n in range(3, 7)]])
		failed = {"customer_import": doc.name, "outcome": "Failed"}
		self.assertIn(f"{prefix}-0002", frappe.db.get_value("Customer Import Log", failed, "message"))
		report = openpyxl.load_workbook(
			io.BytesIO(file_content(frappe.db.get_value("Customer Import", doc.name, "error_report")))
		)
		cells = [str(value) for row in report["Customers"].iter_rows(values_only=True) for value in row]
		self.assertTrue(any(f"{prefix}-0002" in cell for cell in cells), cells)
		later = import_doc(workbook_bytes([customer_row(territory=territory)]))
		importer.run_import(later.name)
		self.assertEqual(
			frappe.db.get_value("Customer Import Log", {"customer_import": later.name}, "customer"),
			f"{prefix}-0007",
		)

	def test_progress_reaches_the_import_form_as_batches_finish(self):
		doc = import_doc(workbook_bytes([customer_row() for _ in range(5)]))
		frappe.db.commit()
		events = get_redis_connection_without_auth().pubsub()
		events.subscribe("events")
		with patch.object(importer, "BATCH", 2):
			importer.run_import(doc.name)
		room = [event for event in published(events) if event["room"] == f"doc:Customer Import/{doc.name}"]
		progress = [event["message"] for event in room if event["event"] == "progress"]
		self.assertEqual([message["percent"] for message in progress], [40, 80, 100])
		self.assertIn(doc.name, progress[0]["title"])
		self.assertEqual(
			[event["event"] for event in room],
			["doc_update", "progress", "progress", "progress", "doc_update"],
			"the form hears that the import started, its progress, and when its totals are in",
		)

	def test_the_desks_dry_run_is_one_job_that_shows_its_progress_and_reloads_the_form(self):
		doc = import_doc(workbook_bytes([customer_row() for _ in range(4)] + [customer_row(tax_id="bad")]))
		frappe.db.commit()
		for _asked in range(2):
			queue_customer_import_dry_run(doc.name)
			frappe.db.commit()
		job = get_job(dry_run_job_id(doc.name))
		self.addCleanup(job.delete)
		self.assertEqual(job.kwargs["kwargs"], {"import_name": doc.name})
		self.assertEqual(get_queue("long").get_job_ids().count(job.id), 1, "asked twice, queued once")
		self.assertEqual(frappe.db.get_value("Customer Import", doc.name, "status"), "Draft")

		events = get_redis_connection_without_auth().pubsub()
		events.subscribe("events")
		with patch.object(importer, "BATCH", 2):
			dry_run_job(doc.name)
		room = [event for event in published(events) if event["room"] == f"doc:Customer Import/{doc.name}"]
		progress = [event["message"] for event in room if event["event"] == "progress"]
		self.assertEqual([message["percent"] for message in progress], [40, 80])
		self.assertIn(doc.name, progress[0]["title"])
		self.assertEqual(room[-1]["event"], "doc_update", "the result reloads the form")
		checked = frappe.get_doc("Customer Import", doc.name)
		self.assertEqual((checked.status, checked.total_rows), ("Invalid", 5))
		self.assertEqual(len(json.loads(checked.problems_json)["problems"]), 1)
		self.assertEqual(frappe.db.count("Customer Import Log", {"customer_import": doc.name}), 0)

	def test_the_background_job_speaks_the_language_of_the_user_who_started_it(self):
		frappe.db.set_value("User", IMPORTER, "language", "zh")
		self.addCleanup(frappe.db.set_value, "User", IMPORTER, "language", None)
		self.addCleanup(setattr, frappe.local, "lang", frappe.local.lang)
		doc = import_doc(workbook_bytes([customer_row(tax_id="bad")]))
		(share,) = importer.plan_import(doc.name)
		import_share_job(doc.name, 0, *share)
		message = frappe.db.get_value("Customer Import Log", {"customer_import": doc.name}, "message")
		self.assertIn("税号", message)

	def test_bad_files_get_clear_errors_and_change_nothing(self):
		before = frappe.db.count("Customer")
		for content, filename, expected in (
			(b"name,tax", "customers.csv", "not an Excel workbook"),
			(workbook_bytes([]), "empty.xlsx", "no customers"),
		):
			with self.subTest(filename):
				doc = import_doc(content, filename)
				summary = validate_customer_import(doc.name)
				self.assertIn(expected, summary["problems"][0]["message"])
				importer.run_import(doc.name)
				self.assertEqual(frappe.db.get_value("Customer Import", doc.name, "status"), "Failed")
		self.assertEqual(frappe.db.count("Customer"), before)

	def test_chinese_template_downloads_and_imports(self):
		download_customer_template("zh")
		self.assertEqual(frappe.response.type, "binary")
		book = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent))
		self.assertEqual(book.sheetnames[:1], ["说明"])
		self.assertIn("客户", book.sheetnames)


class TestImportPermissions(ImportCase):
	def test_dry_run_warns_about_bank_rows_the_user_may_not_create(self):
		with as_user("Administrator"):
			make_user("co-importer-no-bank@example.com", "Customer Master Manager", "Sales User")
		row = customer_row()
		doc = import_doc(workbook_bytes([row], [], [[row[6], "中国银行", "6217000010000001"]]))
		with as_user("co-importer-no-bank@example.com"):
			messages = [p["message"] for p in validate_customer_import(doc.name)["problems"]]
		self.assertTrue(any("Bank Account" in m for m in messages), messages)

	def test_sales_users_and_users_without_roles_cannot_import(self):
		doc = import_doc(workbook_bytes([customer_row()]))
		for user in (SALES_USER, NO_ROLES):
			with self.subTest(user), as_user(user):
				self.assertRaises(frappe.PermissionError, start_customer_import, doc.name)
				self.assertRaises(frappe.PermissionError, validate_customer_import, doc.name)
				self.assertRaises(frappe.PermissionError, queue_customer_import_dry_run, doc.name)
				self.assertRaises(frappe.PermissionError, download_customer_template)


class TestImportCommand(FrappeTestCase):
	def test_bench_import_customers_prints_the_totals(self):
		rows = [customer_row(), customer_row(tax_id="bad")]
		path = os.path.abspath(f"co-import-{frappe.generate_hash(length=6)}.xlsx")
		with open(path, "wb") as f:
			f.write(workbook_bytes(rows))
		try:
			dry = self.bench("import-customers", path, "--dry-run")
			self.assertIn("2 customers checked, 1 problems", dry.stdout)
			run = self.bench("import-customers", path)
			self.assertIn(
				"2 rows: 1 created, 0 updated, 0 change requested, 0 skipped as duplicate, 1 failed",
				run.stdout,
			)
		finally:
			os.remove(path)
			for name in customers_with_tax_ids(rows[0][6]):
				frappe.delete_doc("Customer", name, force=True, ignore_permissions=True)
			frappe.db.commit()

	def test_bench_import_customers_through_a_saved_mapping(self):
		rows = fresh_kingdee_rows(2)
		mapping = kingdee_mapping()
		frappe.db.commit()
		path = os.path.abspath(f"co-kingdee-{frappe.generate_hash(length=6)}.xlsx")
		with open(path, "wb") as f:
			f.write(kingdee_export(rows))
		try:
			unknown = self.bench("import-customers", path, "--mapping", "No Such Mapping", "--dry-run")
			self.assertEqual(unknown.returncode, 2)
			self.assertIn("No Customer Import Mapping named No Such Mapping", unknown.stderr)
			run = self.bench("import-customers", path, "--mapping", mapping)
			self.assertIn("2 rows: 2 created", run.stdout, run.stderr)
		finally:
			os.remove(path)
			frappe.db.rollback()
			for name in customers_with_tax_ids(*(row[2] for row in rows)):
				frappe.delete_doc("Customer", name, force=True, ignore_permissions=True)
			frappe.db.commit()

	def bench(self, *args: str) -> subprocess.CompletedProcess:
		command = [
			os.sys.executable,
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			frappe.local.site,
			*args,
		]
		return subprocess.run(
			command, capture_output=True, text=True, cwd=os.path.abspath(frappe.local.sites_path), timeout=600
		)
