"""Starting imports in the background, and the template handed to users."""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils.background_jobs import get_job
from rq.job import JobStatus

from customer_onboarding.core.importing.workbooks import build_template
from customer_onboarding.importing.importer import (
	finish_if_last,
	import_share,
	plan_import,
	publish_checked,
	validate_import,
)

# A share job that has started holds its lock from its first instant; until then it may still be starting.
STARTING_SECONDS = 15
JOB_TIMEOUT = 4 * 3600


def job_id(name: str) -> str:
	return f"customer-import::{name}"


def share_job_id(name: str, index: int) -> str:
	return f"{job_id(name)}::share-{index}"


def dry_run_job_id(name: str) -> str:
	return f"{job_id(name)}::dry-run"


def queue_dry_run(doc: Document) -> None:
	"""Check the file in the background, with a progress bar; asking again while it runs changes nothing, and a
	dry run whose worker died is simply asked for again (it writes nothing but its result)."""
	if not job_alive(dry_run_job_id(doc.name)):
		enqueue(dry_run_job, dry_run_job_id(doc.name), import_name=doc.name)


def queue_import(doc: Document) -> str:
	"""Start the import, or resume the rows that no share has done; never while one of its jobs is alive."""
	if doc.status == "Completed":
		return doc.status
	if any(job_alive(job) for job in import_job_ids(doc)):
		return doc.status
	doc.db_set("status", "Queued")
	enqueue(plan_import_job, job_id(doc.name), import_name=doc.name)
	return "Queued"


def enqueue(method, job: str, **kwargs) -> None:
	frappe.enqueue(method, queue="long", timeout=JOB_TIMEOUT, job_id=job, enqueue_after_commit=True, **kwargs)


def import_job_ids(doc: Document) -> list[str]:
	return [job_id(doc.name)] + [share_job_id(doc.name, index) for index in range(doc.shares or 0)]


def job_alive(job: str) -> bool:
	"""Waiting in the queue, running (its lock is held: a killed worker's connection lets go of it), or just
	taken by a worker. A job of a killed worker stays *started* in RQ until RQ cleans up, so RQ alone cannot
	tell."""
	found = get_job(job)
	if not found:
		return False
	status = found.get_status()
	if status in (JobStatus.QUEUED, JobStatus.DEFERRED, JobStatus.SCHEDULED) or lock_held(job):
		return True
	started = found.started_at
	return (
		status == JobStatus.STARTED
		and bool(started)
		and (now_utc() - started).total_seconds() < STARTING_SECONDS
	)


def now_utc() -> datetime:
	return datetime.now(timezone.utc).replace(tzinfo=None)


def lock_name(job: str) -> str:
	"""MariaDB's named locks take at most 64 characters."""
	return "co-" + hashlib.sha1(f"{frappe.local.site}::{job}".encode()).hexdigest()


def lock_held(job: str) -> bool:
	return frappe.db.sql("SELECT IS_USED_LOCK(%s)", lock_name(job))[0][0] is not None


@contextmanager
def holding_lock(job: str) -> Iterator[bool]:
	"""The job's named lock, held by this database connection until the block ends or the process dies."""
	name = lock_name(job)
	taken = bool(frappe.db.sql("SELECT GET_LOCK(%s, 0)", name)[0][0])
	try:
		yield taken
	finally:
		if taken:
			frappe.db.sql("SELECT RELEASE_LOCK(%s)", name)


def plan_import_job(import_name: str) -> None:
	"""The first job: split the rows into shares and queue a job for each, on the long queue of any host.
	Progress, row messages and the error report speak the language of whoever started the import."""
	frappe.set_user_lang(frappe.session.user)
	with holding_lock(job_id(import_name)) as taken, failing_import(import_name):
		if not taken:
			return
		shares = plan_import(import_name)
		for index, (rows, codes) in enumerate(shares):
			job = share_job_id(import_name, index)
			enqueue(import_share_job, job, import_name=import_name, index=index, rows=rows, codes=codes)
		if not shares:
			finish_if_last(import_name)
		frappe.db.commit()


def import_share_job(import_name: str, index: int, rows: list[int], codes: dict[int, str]) -> None:
	"""One share: its rows, then the import's totals and error report when it is the last to end."""
	frappe.set_user_lang(frappe.session.user)
	with holding_lock(share_job_id(import_name, index)) as taken, failing_import(import_name):
		if taken:
			import_share(import_name, rows, codes)


def dry_run_job(import_name: str) -> None:
	frappe.set_user_lang(frappe.session.user)
	with holding_lock(dry_run_job_id(import_name)) as taken:
		if taken:
			validate_import(frappe.get_doc("Customer Import", import_name), publish_checked)
			frappe.db.commit()


@contextmanager
def failing_import(import_name: str) -> Iterator[None]:
	try:
		yield
	except Exception:
		frappe.db.rollback()
		frappe.db.set_value("Customer Import", import_name, "status", "Failed")
		frappe.db.commit()
		raise


def import_template(language: str) -> bytes:
	lists = {
		"customer_group": frappe.get_all("Customer Group", {"is_group": 0}, pluck="name", order_by="name"),
		"territory": frappe.get_all("Territory", {"is_group": 0}, pluck="name", order_by="name"),
	}
	headings = {
		"title": _("Customer Import Template"),
		"intro": [
			_("Fill in one row per customer on the Customers sheet."),
			_("Contacts and Bank Accounts point at their customer by its Row Key or Tax ID."),
			_(
				"Columns marked * are required. Keep the headings; English and Chinese headings are both accepted."
			),
			_("The second row of each sheet is a sample: replace or delete it."),
			_(
				"A row matches an existing customer by Tax ID, then by Customer Code, then, for a row with neither, by the same mobile number or e-mail together with the same name. A matched row is skipped, or updates that customer when Update customers that already exist is ticked."
			),
		],
		"sheet": _("Sheet"),
		"column": _("Column"),
		"required": _("Required"),
		"rule": _("Rule"),
		"yes": _("Yes"),
	}
	return build_template(language or "en", lists, headings)
