"""Re-coding customers by the current rule."""

import frappe

from customer_onboarding.arguments import get_permitted_doc
from customer_onboarding.recoding import RECODE, dry_run, queue_recode


@frappe.whitelist()
def recode_dry_run(name: str) -> dict:
	"""Each chosen customer's old code against the one it would take now, before anything changes."""
	return dry_run(get_permitted_doc(RECODE, name, "read"))


@frappe.whitelist(methods=["POST"])
def start_recode(name: str) -> str:
	"""Run the re-coding in the background, or run it again to finish what a killed run left."""
	return queue_recode(get_permitted_doc(RECODE, name, "write"))
