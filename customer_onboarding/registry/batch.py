"""The registry check of every company and partnership, as a background job with progress."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.match_keys import tax_id_key
from customer_onboarding.core.tax_id import ORGANISATION_TYPES
from customer_onboarding.exceptions import RegistryError, RegistryKeyRefusedError
from customer_onboarding.registry.checks import customer_mismatches, registry_check, registry_fields
from customer_onboarding.registry.providers import default_provider

# A provider that fails this many customers in a row is taken to be down; the job stops rather than wait out
# its timeout for every remaining customer.
GIVE_UP_AFTER = 5


def queue_check_all() -> None:
	default_provider()
	frappe.enqueue(
		check_all_customers,
		queue="long",
		timeout=4 * 3600,
		job_id="customer_onboarding_registry_check_all",
		deduplicate=True,
	)


def check_all_customers() -> dict:
	return check_customers({"customer_type": ["in", ORGANISATION_TYPES], "tax_id": ["is", "set"]})


def check_customers(filters: dict) -> dict:
	"""Check the customers the filters select, through the cache, writing their registry fields as it goes."""
	provider = default_provider()
	customers = frappe.get_all(
		"Customer", filters, ["name", "tax_id", "customer_name", "registered_address"], order_by="name"
	)
	checked = failed = in_a_row = 0
	checks: dict[str, Document] = {}  # by code: legacy customers may share one
	for done, customer in enumerate(customers, 1):
		try:
			check = checks.get(tax_id_key(customer.tax_id)) or registry_check(provider, customer.tax_id)[0]
		except RegistryKeyRefusedError:
			raise
		except RegistryError:
			frappe.clear_messages()
			failed, in_a_row = failed + 1, in_a_row + 1
			if in_a_row >= GIVE_UP_AFTER:
				break
			continue
		checks[check.tax_id], in_a_row = check, 0
		found = customer_mismatches(check, customer, provider)
		frappe.db.set_value("Customer", customer.name, registry_fields(check, found), update_modified=False)
		checked += 1
		publish(done, len(customers))
	frappe.db.commit()
	return {"checked": checked, "failed": failed, "total": len(customers)}


def publish(done: int, total: int) -> None:
	if done % 20 and done != total:
		return
	frappe.db.commit()
	frappe.publish_progress(
		done * 100 / max(total, 1),
		title=_("Checking customers in the business registry"),
		description=_("{0} of {1} customers").format(done, total),
	)
