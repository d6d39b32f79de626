"""Duplicates: the customers that may be the same business, and merging them."""

import frappe
from frappe import _

from customer_onboarding.arguments import get_permitted_doc, refuse_oversized, refuse_too_many
from customer_onboarding.duplicates import duplicate_candidates, merge, reason_labeller
from customer_onboarding.merging.bulk import BULK_MERGE, dry_run, queue_bulk_merge
from customer_onboarding.merging.merge import merge_group, preview, validate_merge_permission


@frappe.whitelist()
def find_duplicates(
	customer_name: str | None = None,
	tax_id: str | None = None,
	mobile_no: str | None = None,
	email_id: str | None = None,
	exclude: str | None = None,
) -> list[dict]:
	"""Existing customers that may be the same business, each with a score from 0 to 100 and the reasons."""
	refuse_oversized("customer_name", "Customer Name", customer_name)
	refuse_oversized("tax_id", "Tax ID", tax_id)
	refuse_oversized("phone", "Mobile No", mobile_no)
	refuse_oversized("email", "Email Id", email_id)
	refuse_oversized("docname", "Customer", exclude)
	frappe.has_permission("Customer", "read", throw=True)
	reason_labels = reason_labeller()
	return [
		{
			"customer": c.name,
			"customer_name": c.customer_name,
			"score": c.score,
			"reasons": c.reasons,
			"reason_labels": reason_labels(c.reasons),
		}
		for c in duplicate_candidates(customer_name, tax_id, mobile_no, email_id, exclude)
	]


@frappe.whitelist(methods=["POST"])
def merge_customers(source: str, target: str) -> str:
	"""Merge `source` into `target` with Frappe's rename-and-merge: its links now point at `target`."""
	refuse_oversized("docname", "Customer", source)
	refuse_oversized("docname", "Customer", target)
	return merge(source, target)


@frappe.whitelist()
def customer_merge_preview(customers: str | list, survivor: str | None = None) -> dict:
	"""The group's fields side by side, each with the customer whose value the survivor keeps by the rules."""
	names = customer_list(customers)
	refuse_oversized("docname", "Customer", survivor)
	validate_merge_permission()
	return preview(names, survivor)


@frappe.whitelist(methods=["POST"])
def merge_customer_group(
	customers: str | list, survivor: str | None = None, choices: str | dict | None = None
) -> str:
	"""Merge the group into the survivor, each field taking the value of the customer chosen for it."""
	names = customer_list(customers)
	refuse_oversized("docname", "Customer", survivor)
	refuse_oversized("text", "Choices", choices)
	chosen = frappe.parse_json(choices) if isinstance(choices, str) else choices
	if chosen is not None and not isinstance(chosen, dict):
		frappe.throw(_("Choices must map each field to a customer"))
	refuse_too_many("Choices", chosen or {})
	return merge_group(names, survivor, chosen or {})


def customer_list(customers: str | list) -> list[str]:
	refuse_oversized("text", "Customers", customers)
	names = frappe.parse_json(customers) if isinstance(customers, str) else customers
	if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
		frappe.throw(_("Choose two or more different customers to merge"))
	refuse_too_many("Customers", names)
	for name in names:
		refuse_oversized("docname", "Customer", name)
	return names


@frappe.whitelist()
def bulk_merge_dry_run(name: str) -> dict:
	"""Each group's survivor and the values it takes, before anything is merged."""
	doc = get_permitted_doc(BULK_MERGE, name, "read")
	validate_merge_permission()
	return dry_run(doc.match_key)


@frappe.whitelist(methods=["POST"])
def start_bulk_merge(name: str) -> str:
	"""Run the bulk merge in the background, or run it again to finish what a killed run left."""
	doc = get_permitted_doc(BULK_MERGE, name, "write")
	validate_merge_permission()
	return queue_bulk_merge(doc)
