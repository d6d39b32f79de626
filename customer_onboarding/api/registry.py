"""The business registry check, from the Customer form and for all customers."""

import frappe
from frappe import _

from customer_onboarding.arguments import refuse_oversized
from customer_onboarding.constants import MASTER_MANAGER
from customer_onboarding.registry import batch as registry_batch
from customer_onboarding.registry import form as registry_form


@frappe.whitelist(methods=["POST"])
def check_registry(
	tax_id: str | None = None,
	customer_name: str | None = None,
	registered_address: str | None = None,
	customer: str | None = None,
) -> dict:
	"""The business registry's facts for the code and how they differ from the customer's (saved or typed)."""
	refuse_oversized("tax_id", "Tax ID", tax_id)
	refuse_oversized("customer_name", "Customer Name", customer_name)
	refuse_oversized("text", "Registered Address", registered_address)
	refuse_oversized("docname", "Customer", customer)
	return registry_form.check_for_form(tax_id, customer_name, registered_address, customer)


@frappe.whitelist()
def registry_result(customer: str) -> dict | None:
	refuse_oversized("docname", "Customer", customer)
	return registry_form.stored_result(customer)


@frappe.whitelist(methods=["POST"])
def request_change_from_registry(customer: str) -> str:
	refuse_oversized("docname", "Customer", customer)
	return registry_form.request_change_from_registry(customer)


@frappe.whitelist(methods=["POST"])
def check_all_customers_in_registry() -> None:
	if not {"System Manager", MASTER_MANAGER} & set(frappe.get_roles()):
		frappe.throw(
			_("Only a System Manager or a {0} can check all customers").format(_(MASTER_MANAGER)),
			frappe.PermissionError,
		)
	registry_batch.queue_check_all()
