"""Filling the match keys of many customers at once: at install, on migrate, and after the phone region changes."""

import frappe
from frappe import _
from frappe.utils import update_progress_bar

from customer_onboarding.match_keys.store import BATCH, KEYS, refresh_match_keys

JOB_ID = "customer_onboarding::refresh_match_keys"


def fill_match_keys(only_missing: bool = False) -> int:
	"""Refresh the keys of every customer, or only of those that have none, in batches, with progress."""
	customers = customers_without_keys() if only_missing else frappe.get_all("Customer", pluck="name")
	for start in range(0, len(customers), BATCH):
		refresh_match_keys(customers[start : start + BATCH])
		report_progress(min(start + BATCH, len(customers)), len(customers))
	return len(customers)


def customers_without_keys() -> list[str]:
	customer = frappe.qb.DocType("Customer")
	key = frappe.qb.DocType(KEYS)
	query = (
		frappe.qb.from_(customer)
		.left_join(key)
		.on(key.customer == customer.name)
		.select(customer.name)
		.where(key.name.isnull())
	)
	return [name for (name,) in query.run()]


def report_progress(done: int, total: int) -> None:
	title = _("Customer match keys")
	if frappe.flags.in_test:
		return
	if getattr(frappe.local, "job", None):
		frappe.publish_progress(
			done * 100 / total, title=title, description=_("{0} of {1}").format(done, total)
		)
	else:
		update_progress_bar(title, done - 1, total)


def queue_match_key_refresh() -> None:
	frappe.enqueue(fill_match_keys, queue="long", job_id=JOB_ID, deduplicate=True, enqueue_after_commit=True)
