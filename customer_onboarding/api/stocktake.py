"""Stocktakes: running one, and follow-up ToDos for a value tier."""

import frappe
from frappe import _

from customer_onboarding.arguments import get_permitted_doc, refuse_oversized
from customer_onboarding.core.stocktake import TIERS
from customer_onboarding.stocktake.run import create_follow_up_todos, queue_stocktake


@frappe.whitelist(methods=["POST"])
def run_customer_stocktake(name: str) -> str:
	"""Queue the stocktake; it analyses the customers the user may read."""
	doc = get_permitted_doc("Customer Stocktake", name, "write")
	return queue_stocktake(doc)


@frappe.whitelist(methods=["POST"])
def create_stocktake_follow_ups(name: str, tier: str) -> int:
	"""A follow-up ToDo for each account manager per customer of theirs in `tier`, once per customer per run."""
	refuse_oversized("docname", "Customer Stocktake", name)
	if tier not in TIERS:
		frappe.throw(_("{0} is not a value tier").format(frappe.bold(tier)))
	doc = get_permitted_doc("Customer Stocktake", name, "write")
	if doc.status != "Completed":
		frappe.throw(_("Stocktake {0} has not completed").format(frappe.bold(doc.name)))
	return create_follow_up_todos(doc, tier)
