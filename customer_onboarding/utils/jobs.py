"""Background jobs that work through one document: the import, the bulk merge."""

from collections.abc import Callable

import frappe
from frappe.model.document import Document
from frappe.utils.background_jobs import is_job_enqueued


def queue_document_job(doc: Document, job_id: str, method: Callable, timeout: int, **kwargs) -> str:
	"""Queue `method(**kwargs)` on the long queue, once: a job of this id still queued or running is left
	alone, while a document a killed job left Queued or Running is started again, to resume."""
	if doc.status in ("Queued", "Running") and is_job_enqueued(job_id):
		return doc.status
	doc.db_set("status", "Queued")
	frappe.enqueue(
		method,
		queue="long",
		timeout=timeout,
		job_id=job_id,
		deduplicate=True,
		enqueue_after_commit=True,
		**kwargs,
	)
	return "Queued"


def run_in_steps(doc: Document, todo: list, step: Callable, title: str, left_field: str, every: int) -> None:
	"""Work through `todo` with `step(item)`, each in a transaction of its own (see `step_alone`), with progress:
	a kill leaves every item done or untouched, and a run started again finds only those left. Anything
	`step_alone` does not catch fails the run."""
	try:
		doc.db_set({"status": "Running", left_field: len(todo), "failures": None})
		frappe.db.commit()
		for number, item in enumerate(todo, 1):
			step(item)
			if number % every == 0 or number == len(todo):
				doc.db_set(left_field, len(todo) - number)
				frappe.publish_progress(
					number * 100 / len(todo), title=title, doctype=doc.doctype, docname=doc.name
				)
				frappe.db.commit()
		doc.db_set("status", "Completed")
		frappe.db.commit()
	except Exception:
		frappe.db.rollback()
		frappe.db.set_value(doc.doctype, doc.name, "status", "Failed")
		frappe.db.commit()
		raise


def step_alone(doc: Document, done_field: str, label: str, work: Callable[[], None]) -> None:
	"""One item in one transaction: done, counted and committed, or rolled back with the reason kept."""
	try:
		work()
		doc.db_set(done_field, (doc.get(done_field) or 0) + 1)
	except frappe.ValidationError as error:
		frappe.db.rollback()
		doc.db_set("failures", f"{doc.failures or ''}{label}: {frappe.utils.strip_html(str(error))}\n")
	frappe.db.commit()
