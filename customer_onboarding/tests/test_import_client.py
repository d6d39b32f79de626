"""The remote import client against a live bench web server and worker on localhost."""

import http.server
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import frappe
import requests
from frappe.core.doctype.user.user import generate_keys
from frappe.tests.utils import FrappeTestCase
from frappe.utils.background_jobs import get_job

from customer_onboarding.core.shards import MIN_ROWS_PER_SHARE
from customer_onboarding.importing.jobs import (
	dry_run_job_id,
	import_job_ids,
	job_alive,
	job_id,
	lock_held,
	queue_dry_run,
	queue_import,
	share_job_id,
)
from customer_onboarding.tests.exports import fresh_kingdee_rows, kingdee_export
from customer_onboarding.tests.import_helpers import customer_row, import_doc, kingdee_mapping, workbook_bytes
from customer_onboarding.tests.processes import frappe_process, kill_group
from customer_onboarding.tests.utils import make_uscc, make_user, unique_code

API_USER = "co-api-importer@example.com"


def free_port() -> int:
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def wait_until_up(url: str, seconds: int = 60) -> None:
	deadline = time.time() + seconds
	while time.time() < deadline:
		try:
			if requests.get(url + "/api/method/ping", timeout=2).ok:
				return
		except requests.ConnectionError:
			pass
		time.sleep(0.5)
	raise TimeoutError(url)


class AlwaysFails(http.server.BaseHTTPRequestHandler):
	def do_GET(self):
		self.send_response(502)
		self.end_headers()

	do_POST = do_GET

	def log_message(self, *args):
		pass


class ClientCase(FrappeTestCase):
	"""A bench web server on a free localhost port, and a background worker when `with_worker`."""

	with_worker = True

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_user(API_USER, "Customer Master Manager", "Sales User", "Accounts User")
		cls.secret = generate_keys(API_USER)["api_secret"]
		cls.key = frappe.db.get_value("User", API_USER, "api_key")
		frappe.db.commit()
		port = free_port()
		cls.url = f"http://127.0.0.1:{port}"
		cls.processes = [frappe_process("serve", "--port", str(port), "--noreload")]
		if cls.with_worker:
			cls.processes.append(frappe_process("worker", "--queue", "long"))
		wait_until_up(cls.url)
		cls.tax_ids = []

	@classmethod
	def tearDownClass(cls):
		for process in cls.processes:
			process.terminate()
			process.wait(timeout=30)
		for name in frappe.get_all("Customer", {"tax_id": ["in", cls.tax_ids or ["-"]]}, pluck="name"):
			frappe.delete_doc("Customer", name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def client(
		self, *args: str, url: str | None = None, secret: str | None = None
	) -> subprocess.CompletedProcess:
		command = [sys.executable, "-m", "customer_onboarding.importing.client", "--url", url or self.url]
		command += ["--api-key", self.key, "--api-secret", secret or self.secret, *args]
		return subprocess.run(command, capture_output=True, text=True, timeout=600)

	def workbook(self, *rows) -> str:
		self.tax_ids += [row[6] for row in rows]
		path = os.path.join(tempfile.mkdtemp(), "customers.xlsx")
		with open(path, "wb") as f:
			f.write(workbook_bytes(list(rows)))
		return path


class TestImportClient(ClientCase):
	def test_import_prints_totals_and_downloads_the_error_report(self):
		rows = [customer_row(), customer_row(), customer_row(tax_id="BAD")]
		path = self.workbook(*rows)
		result = self.client(path)
		self.assertIn(
			"3 rows: 2 created, 0 updated, 0 change requested, 0 skipped as duplicate, 1 failed",
			result.stdout,
			result.stderr,
		)
		report = result.stdout.split("Error report: ")[1].strip()
		self.assertTrue(os.path.getsize(report) > 0)
		frappe.db.commit()
		self.assertEqual(frappe.db.count("Customer", {"tax_id": ["in", [row[6] for row in rows]]}), 2)
		again = self.client(path)
		self.assertIn(
			"0 created, 0 updated, 0 change requested, 2 skipped as duplicate, 1 failed",
			again.stdout,
			again.stderr,
		)

	def test_a_large_file_is_imported_in_shares_by_the_background_worker(self):
		rows = [customer_row() for _ in range(2 * MIN_ROWS_PER_SHARE)]
		result = self.client(self.workbook(*rows))
		self.assertIn(f"{len(rows)} rows: {len(rows)} created", result.stdout, result.stderr)
		self.assertRegex(result.stdout, rf"Running, \d+/{len(rows)} rows \(\d+%\)")
		frappe.db.commit()
		self.assertEqual(frappe.db.count("Customer", {"tax_id": ["in", [row[6] for row in rows]]}), len(rows))

	def test_dry_run_changes_nothing(self):
		path = self.workbook(customer_row())
		result = self.client("--dry-run", path)
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertIn("1 customers checked, 0 problems", result.stdout)
		frappe.db.commit()
		self.assertEqual(frappe.db.count("Customer", {"tax_id": self.tax_ids[-1]}), 0)

	def test_wrong_credentials_unreachable_server_and_server_errors_are_one_line(self):
		path = self.workbook(customer_row())
		failing = http.server.HTTPServer(("127.0.0.1", 0), AlwaysFails)
		threading.Thread(target=failing.serve_forever, daemon=True).start()
		try:
			cases = (
				(self.client(path, secret="wrong"), "refused"),
				(self.client(path, url=f"http://127.0.0.1:{free_port()}"), "cannot reach"),
				(self.client(path, url=f"http://127.0.0.1:{failing.server_port}"), "answered 502"),
			)
		finally:
			failing.shutdown()
		for result, expected in cases:
			with self.subTest(expected):
				self.assertEqual(result.returncode, 2)
				self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
				self.assertIn(expected, result.stderr)

	def test_a_refused_file_is_not_imported(self):
		path = os.path.join(tempfile.mkdtemp(), "customers.csv")
		with open(path, "w") as f:
			f.write("customer_name\n北京\n")
		result = self.client(path)
		self.assertEqual(result.returncode, 1, result.stdout)
		self.assertIn("xlsx", result.stderr)
		self.assertIn("the file was refused; nothing was imported", result.stderr)
		self.assertNotIn("rows:", result.stdout)
		frappe.db.commit()
		name = result.stderr.strip().splitlines()[-1].split(":")[0]
		self.assertEqual(frappe.db.get_value("Customer Import", name, "status"), "Invalid")

	def test_submit_for_review_and_update_existing(self):
		row = customer_row()
		path = self.workbook(row)
		result = self.client("--submit-for-review", path)
		self.assertIn("1 created", result.stdout, result.stderr)
		frappe.db.commit()
		self.assertEqual(
			frappe.db.get_value("Customer", {"tax_id": row[6]}, "workflow_state"), "Pending Review"
		)
		again = self.client("--update-existing", path)
		self.assertIn("0 created, 1 updated", again.stdout, again.stderr)

	def test_a_kingdee_export_through_a_saved_mapping(self):
		rows = fresh_kingdee_rows(2)
		self.tax_ids += [row[2] for row in rows]
		mapping = kingdee_mapping()
		frappe.db.commit()
		path = os.path.join(tempfile.mkdtemp(), "kingdee.xlsx")
		with open(path, "wb") as f:
			f.write(kingdee_export(rows))
		result = self.client("--mapping", mapping, path)
		self.assertIn("2 rows: 2 created", result.stdout, result.stderr)


class TestImportClientWithoutWorker(ClientCase):
	with_worker = False

	def test_it_says_no_worker_has_started_and_stops_at_the_timeout(self):
		started = time.monotonic()
		result = self.client("--warn-after", "2", "--timeout", "6", self.workbook(customer_row()))
		self.assertLess(time.monotonic() - started, 60)
		self.assertEqual(result.returncode, 2, result.stdout)
		self.assertIn("no background worker has started the import", result.stderr)
		self.assertIn("gave up after 6 s", result.stderr)
		name = re.search(r"(\S+): still Queued", result.stderr).group(1)
		remove_queued_job(name)


def remove_queued_job(import_name: str) -> None:
	from frappe.utils.background_jobs import get_queue

	for job in get_queue("long").jobs:
		if job.id.endswith(job_id(import_name)):
			job.delete()


class TestRestCannotBypassChangeControl(ClientCase):
	with_worker = False

	def test_a_rest_put_of_a_sensitive_field_is_refused(self):
		from customer_onboarding.tests.utils import enabled_customer, make_standard_users, make_territory

		make_standard_users()
		customer = enabled_customer(tax_id=make_uscc())
		territory = make_territory(f"REST {unique_code()}")
		frappe.db.commit()
		self.tax_ids.append(customer.tax_id)
		headers = {"Authorization": f"token {self.key}:{self.secret}"}
		url = f"{self.url}/api/resource/Customer/{customer.name}"
		refused = requests.put(url, json={"territory": territory}, headers=headers, timeout=30)
		self.assertEqual(refused.status_code, 417, refused.text)
		self.assertIn("Request Change", refused.text)
		allowed = requests.put(url, json={"customer_details": "REST"}, headers=headers, timeout=30)
		self.assertEqual(allowed.status_code, 200, allowed.text)
		frappe.db.rollback()
		self.assertEqual(
			frappe.db.get_value("Customer", customer.name, ["territory", "customer_details"]),
			("All Territories", "REST"),
		)


class TestSharesAsJobs(ClientCase):
	"""Shares of one import taken by separate `bench worker --queue long` processes, as on several hosts."""

	with_worker = False

	def setUp(self):
		frappe.set_user(API_USER)

	def tearDown(self):
		frappe.set_user("Administrator")

	def start_worker(self) -> subprocess.Popen:
		worker = frappe_process("worker", "--queue", "long", own_group=True)
		self.addCleanup(kill_group, worker)
		return worker

	def started_import(self, rows: list, shares: int):
		frappe.db.set_single_value("Customer Onboarding Settings", "import_workers", shares)
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.db.set_single_value, "Customer Onboarding Settings", "import_workers", 0)
		self.tax_ids += [row[6] for row in rows]
		doc = import_doc(workbook_bytes(rows))
		self.assertEqual(queue_import(doc), "Queued")
		frappe.db.commit()
		return doc

	def wait_until(self, condition, seconds: int = 300) -> None:
		deadline = time.time() + seconds
		while not condition():
			self.assertLess(time.time(), deadline, "waited too long")
			time.sleep(0.5)
			frappe.db.rollback()

	def every_row_once(self, doc, rows: list) -> None:
		logged = frappe.get_all("Customer Import Log", {"customer_import": doc.name}, pluck="row")
		self.assertEqual(len(set(logged)), len(logged))
		self.assertEqual(len(logged), len(rows))
		customers = frappe.get_all("Customer", {"tax_id": ["in", [row[6] for row in rows]]}, pluck="tax_id")
		self.assertEqual(sorted(customers), sorted(row[6] for row in rows))
		saved = frappe.db.get_value("Customer Import", doc.name, ["status", "created", "failed"])
		self.assertEqual(saved, ("Completed", len(rows), 0))

	def test_two_workers_each_take_a_share(self):
		self.start_worker()
		self.start_worker()
		rows = [customer_row() for _ in range(60)]
		doc = self.started_import(rows, shares=2)
		self.wait_until(lambda: status_of(doc) == "Completed")
		self.every_row_once(doc, rows)
		takers = {get_job(share_job_id(doc.name, index)).worker_name for index in range(2)}
		self.assertEqual(len(takers), 2, takers)

	def test_a_worker_killed_in_a_share_leaves_its_rows_to_start_import(self):
		worker = self.start_worker()
		rows = [customer_row() for _ in range(150)]
		doc = self.started_import(rows, shares=1)
		self.wait_until(lambda: logged_rows(doc) > 0)
		os.killpg(worker.pid, signal.SIGKILL)
		worker.wait(timeout=30)
		frappe.db.rollback()
		self.assertLess(logged_rows(doc), len(rows))
		self.assertEqual(status_of(doc), "Running")
		doc.reload()
		self.wait_until(lambda: not any(job_alive(job) for job in import_job_ids(doc)), 60)
		self.start_worker()
		self.assertEqual(queue_import(doc), "Queued")
		frappe.db.commit()
		self.wait_until(lambda: status_of(doc) == "Completed")
		self.every_row_once(doc, rows)

	def test_a_worker_killed_in_a_dry_run_leaves_it_to_be_asked_again(self):
		worker = self.start_worker()
		rows = [customer_row() for _ in range(2000)]
		self.tax_ids += [row[6] for row in rows]
		doc = import_doc(workbook_bytes(rows))
		queue_dry_run(doc)
		frappe.db.commit()
		self.wait_until(lambda: lock_held(dry_run_job_id(doc.name)), 60)
		os.killpg(worker.pid, signal.SIGKILL)
		worker.wait(timeout=30)
		self.assertEqual(status_of(doc), "Draft", "a killed dry run leaves nothing")
		self.wait_until(lambda: not job_alive(dry_run_job_id(doc.name)), 60)
		self.start_worker()
		queue_dry_run(doc)
		frappe.db.commit()
		self.wait_until(lambda: status_of(doc) == "Validated")
		self.assertEqual(frappe.db.get_value("Customer Import", doc.name, "total_rows"), len(rows))


def status_of(doc) -> str:
	return frappe.db.get_value("Customer Import", doc.name, "status")


def logged_rows(doc) -> int:
	return frappe.db.count("Customer Import Log", {"customer_import": doc.name})
