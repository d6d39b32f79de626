"""Re-coding customers that already exist: codes by the current rule, the old code kept as the legacy code.

After install every legacy customer's code is its old name. A *Customer Recode* record chooses customers (by
territory, group, and whether the code still equals the name), lists old against new in a dry run, then gives
each its code in a background job, one customer per transaction. A customer re-coded has a legacy code and is
left alone by a later run, so a run killed midway, or started twice, is finished by starting it again. Where
customers are named by their code, the customer is renamed to the new code with every link rewritten.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.query_builder.functions import IfNull

from customer_onboarding.coding import COUNTER, code_series, next_code
from customer_onboarding.settings import get_settings
from customer_onboarding.utils.jobs import (
	queue_document_job,
	run_in_steps,
	site_cache_cleared_once,
	step_alone,
)

RECODE = "Customer Recode"
PROGRESS_EVERY = 20


def chosen_customers(doc: Document) -> list[str]:
	"""The customers the record chooses that have no legacy code yet, in name order."""
	customer = frappe.qb.DocType("Customer")
	query = (
		frappe.qb.from_(customer)
		.select(customer.name)
		.where(IfNull(customer.legacy_code, "") == "")
		.orderby(customer.name)
	)
	if doc.territory:
		query = query.where(customer.territory == doc.territory)
	if doc.customer_group:
		query = query.where(customer.customer_group == doc.customer_group)
	if doc.code_equals_name:
		query = query.where(customer.customer_code == customer.name)
	return [row[0] for row in query.run()]


def dry_run(doc: Document, limit: int = 500) -> dict:
	"""Old code against the new one each customer would take now, serials counted on from each series' counter."""
	names = chosen_customers(doc)
	taken: dict[str, int] = {}
	rows = []
	for name in names[:limit]:
		customer = frappe.get_doc("Customer", name)
		series = code_series(customer)
		new = None
		if series:
			key = series.series_key
			taken[key] = taken.get(key) or int(frappe.db.get_value(COUNTER, key, "current") or 0)
			taken[key] += 1
			new = series.code(taken[key])
		rows.append({"customer": name, "old": customer.customer_code, "new": new})
	return {"customers": len(names), "rows": rows}


def job_id(name: str) -> str:
	return f"customer-recode::{name}"


def queue_recode(doc: Document) -> str:
	return queue_document_job(doc, job_id(doc.name), run_recode, 12 * 3600, name=doc.name)


def run_recode(name: str) -> None:
	"""The background job. A customer no rule applies to is left and noted; anything else fails the run."""
	frappe.set_user_lang(frappe.session.user)
	doc = frappe.get_doc(RECODE, name)
	with site_cache_cleared_once():
		run_in_steps(
			doc,
			chosen_customers(doc),
			lambda customer: step_alone(
				doc, "customers_recoded", customer, lambda: give_code(frappe.get_doc("Customer", customer))
			),
			_("Re-coding customers"),
			"customers_left",
			PROGRESS_EVERY,
		)


def give_code(customer: Document) -> None:
	series = code_series(customer)
	if not series:
		frappe.throw(_("No enabled code rule applies to customer {0}").format(frappe.bold(customer.name)))
	old = customer.customer_code or customer.name
	new = next_code(series)
	# The code is locked on save (overrides/customer.py): the re-code writes it, and the old one beside it.
	frappe.db.set_value("Customer", customer.name, {"legacy_code": old, "customer_code": new})
	if customer.name == old and get_settings().use_code_as_name:
		frappe.rename_doc("Customer", customer.name, new, show_alert=False, rebuild_search=False)
		# ERPNext's after_rename sets customer_name to the new name where customers are named by their name.
		frappe.db.set_value("Customer", new, "customer_name", customer.customer_name, update_modified=False)
