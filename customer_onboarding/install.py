"""Install and uninstall as pairs: what install (after_install, after_sync, after_migrate) sets up, uninstall
(before_uninstall) takes back.

| install                                                      | uninstall                                   |
| ------------------------------------------------------------ | ------------------------------------------- |
| custom fields: `make_custom_fields`                          | `delete_custom_fields`                      |
| existing customers' codes and states                         | none: customers keep their names and data   |
| the required fields beside the name: `place_fields_beside_name` | `restore_stock_layout`                   |
| customers searched by legacy code: `search_by_legacy_code`   | `restore_stock_layout`                      |
| default settings (links show the customer name)              | `sync_link_title(False)`                    |
| match keys of every customer: `fill_match_keys`              | none: the key table goes with its doctype   |
| `index_sales_invoices(True)`                                 | `index_sales_invoices(False)`               |
| `grant_customer_permissions`                                 | `revoke_customer_permissions`               |
| the workflow (a fixture), active while approval is required  | `delete_workflow`                           |
| none                                                         | `drop_tax_id_index` of earlier versions     |

The steps that install shares with patches live in `setup/`.
"""

import frappe
from frappe.permissions import add_permission, update_permission_property

from customer_onboarding.constants import (
	MASTER_MANAGER,
	OWN_ACTIONS,
	OWN_ROLES,
	OWN_STATES,
	REVIEWER,
	WORKFLOW,
)
from customer_onboarding.lifecycle import set_workflow_active
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.settings import get_settings
from customer_onboarding.setup.custom_fields import MODULE, data_fieldnames, get_custom_fields
from customer_onboarding.setup.defaults import apply_default_settings
from customer_onboarding.setup.existing_customers import set_codes_from_names, set_states_of_existing
from customer_onboarding.setup.fields import make_custom_fields, sync_link_title
from customer_onboarding.setup.indexes import drop_tax_id_index, index_sales_invoices
from customer_onboarding.setup.layout import (
	place_fields_beside_name,
	restore_stock_layout,
	search_by_legacy_code,
)


def after_install():
	"""Runs before Frappe imports the fixtures: existing customers get their state before the workflow exists."""
	set_codes_from_names()
	set_states_of_existing()
	place_fields_beside_name()
	search_by_legacy_code()
	apply_default_settings()
	fill_match_keys()
	index_sales_invoices(True)


def after_sync():
	"""After the fixtures: the roles exist now."""
	grant_customer_permissions()
	set_workflow_active(get_settings().require_approval)


def after_migrate():
	make_custom_fields()
	search_by_legacy_code()
	fill_match_keys(only_missing=True)
	index_sales_invoices(True)
	after_sync()


def before_uninstall():
	"""Customer Credit Limit rows of change requests live in ERPNext's own table; they go with the requests."""
	frappe.db.delete("Customer Credit Limit", {"parenttype": "Customer Change Request"})
	sync_link_title(False)
	revoke_customer_permissions()
	delete_workflow()
	delete_custom_fields()
	drop_tax_id_index()
	restore_stock_layout()
	index_sales_invoices(False)


CUSTOMER_RIGHTS = {
	REVIEWER: ("read", "write", "report", "print", "email"),
	# Merging duplicates deletes the merged customer; the legacy code report is exported for the migration.
	MASTER_MANAGER: ("read", "write", "delete", "report", "export", "print", "email"),
}


def grant_customer_permissions():
	"""Reviewers and master managers can open and move customers without any other role."""
	for role, rights in CUSTOMER_RIGHTS.items():
		if not frappe.db.exists("Custom DocPerm", {"parent": "Customer", "role": role, "permlevel": 0}):
			add_permission("Customer", role, 0)
		for right in rights:
			update_permission_property("Customer", role, 0, right, 1, validate=False)


def revoke_customer_permissions():
	frappe.db.delete("Custom DocPerm", {"parent": "Customer", "role": ["in", OWN_ROLES]})
	frappe.clear_cache(doctype="Customer")


def delete_custom_fields():
	"""Remove our fields and their columns; customers and their names stay."""
	for doctype in get_custom_fields():
		for name in frappe.get_all("Custom Field", {"dt": doctype, "module": MODULE}, pluck="name"):
			frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
		for fieldname in data_fieldnames(doctype):
			if frappe.db.has_column(doctype, fieldname):
				frappe.db.sql_ddl(f"ALTER TABLE `tab{doctype}` DROP COLUMN `{fieldname}`")
		frappe.clear_cache(doctype=doctype)


def delete_workflow():
	"""The workflow, its open actions, and the states, actions and roles no other workflow uses."""
	frappe.db.delete("Workflow Action", {"reference_doctype": "Customer"})
	if frappe.db.exists("Workflow", WORKFLOW):
		frappe.delete_doc("Workflow", WORKFLOW, ignore_permissions=True, force=True)
	delete_unused("Workflow State", OWN_STATES, "Workflow Document State", "state")
	delete_unused("Workflow Action Master", OWN_ACTIONS, "Workflow Transition", "action")
	for role in OWN_ROLES:
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, ignore_permissions=True, force=True)


def delete_unused(doctype: str, names: tuple[str, ...], used_in: str, field: str) -> None:
	for name in names:
		if frappe.db.exists(doctype, name) and not frappe.db.exists(used_in, {field: name}):
			frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
