"""Background jobs that work through one document: the import, the bulk merge, the re-code."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

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


@contextmanager
def site_cache_cleared_once() -> Iterator[None]:
	"""Around a job that renames customers one after another: the site's caches are cleared once, when it ends.

	`frappe.rename_doc` clears every cache of the site, as it cannot tell what else a rename changed; the next
	rename then reloads the metadata of every doctype that links to a customer, four fifths of its cost (1.9 s
	against 0.37 s a customer on a 2-core machine). Each renamed customer's own cache is still cleared at once, a
	clear of one doctype's or one user's cache still happens, and the whole clear comes when the job ends or
	fails."""
	clear_cache = frappe.clear_cache

	def clear_all_at_the_end(user: str | None = None, doctype: str | None = None) -> None:
		if user or doctype:
			clear_cache(user=user, doctype=doctype)

	frappe.clear_cache = clear_all_at_the_end
	try:
		yield
	finally:
		frappe.clear_cache = clear_cache
		frappe.clear_cache()
