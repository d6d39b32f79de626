"""Bulk merge: every group of customers sharing a match key (the tax ID, or a phone or e-mail) merged into one.

A dry run lists each group's survivor and the values it takes. The run is a background job on a *Customer Bulk
Merge* record: each group is merged in a transaction of its own and committed, so a kill leaves no group half
merged, and a run started again finds only the groups still left (a merged group shares its key no more).
"""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.change_requests.fields import field_label, sensitive_fields
from customer_onboarding.core.match_keys import EMAIL, PHONE, TAX_ID
from customer_onboarding.core.merging import choose_survivor, choose_values, chosen_changes, duplicate_groups
from customer_onboarding.match_keys.store import KEYS
from customer_onboarding.merging.merge import load_members, merge_fields, merge_group
from customer_onboarding.utils.jobs import (
	queue_document_job,
	run_in_steps,
	site_cache_cleared_once,
	step_alone,
)

BULK_MERGE = "Customer Bulk Merge"
PROGRESS_EVERY = 10
KEY_TYPES = {"Tax ID": TAX_ID, "Phone": PHONE, "Email": EMAIL}


def sharing_groups(match_key: str) -> list[list[str]]:
	"""Customers sharing a key of this kind, joined through each other, each group in name order."""
	if match_key not in KEY_TYPES:
		frappe.throw(_("Merge customers by Tax ID, phone or e-mail"))
	key_type = KEY_TYPES[match_key]
	key = frappe.qb.DocType(KEYS)
	shared = (
		frappe.qb.from_(key)
		.select(key.key_value)
		.where(key.key_type == key_type)
		.groupby(key.key_value)
		.having(frappe.query_builder.functions.Count(key.customer).distinct() > 1)
	)
	rows = (
		frappe.qb.from_(key)
		.select(key.customer, key.key_value)
		.where((key.key_type == key_type) & key.key_value.isin(shared))
	).run()
	keys: dict[str, set] = {}
	for customer, value in rows:
		keys.setdefault(customer, set()).add(value)
	return duplicate_groups(keys)


def dry_run(match_key: str, limit: int = 500) -> dict:
	"""Each group's survivor and the values it takes from the others, for the first `limit` groups."""
	groups = sharing_groups(match_key)
	sensitive = set(sensitive_fields())
	plans = []
	for group in groups[:limit]:
		members = load_members(group)
		survivor = choose_survivor(members)
		choices = choose_values(members, merge_fields(), sensitive, survivor)
		changes = chosen_changes(members, choices, survivor)
		plans.append(
			{
				"customers": group,
				"survivor": survivor,
				"changes": changes,
				"labels": {fieldname: field_label(fieldname) for fieldname in changes},
			}
		)
	return {"groups": len(groups), "customers": sum(len(g) for g in groups), "plans": plans}


def job_id(name: str) -> str:
	return f"customer-bulk-merge::{name}"


def queue_bulk_merge(doc: Document) -> str:
	"""Start the run, or start it again after a kill; a run still queued or running is left alone."""
	return queue_document_job(doc, job_id(doc.name), run_bulk_merge, 12 * 3600, name=doc.name)


def run_bulk_merge(name: str) -> None:
	"""The background job. A group refused by the rules is left and noted; anything else fails the run."""
	frappe.set_user_lang(frappe.session.user)
	doc = frappe.get_doc(BULK_MERGE, name)
	with site_cache_cleared_once():
		run_in_steps(
			doc,
			sharing_groups(doc.match_key),
			lambda group: step_alone(doc, "groups_merged", ", ".join(group), lambda: merge_group(group)),
			_("Merging customers"),
			"groups_left",
			PROGRESS_EVERY,
		)
