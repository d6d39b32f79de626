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
