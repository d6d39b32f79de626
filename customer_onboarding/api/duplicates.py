"""Duplicates: the customers that may be the same business, and merging them."""

import frappe

from customer_onboarding.arguments import refuse_oversized
from customer_onboarding.duplicates import duplicate_candidates, merge, reason_labels


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
