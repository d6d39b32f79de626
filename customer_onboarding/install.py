import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from customer_onboarding.customer_onboarding.doctype.customer_onboarding_settings.customer_onboarding_settings import (
	apply_default_settings,
	sync_link_title,
)
from customer_onboarding.patches.v1_0.set_customer_code_from_name import (
	execute as set_customer_code_from_name,
)
from customer_onboarding.setup.custom_fields import MODULE, data_fieldnames, get_custom_fields

TAX_ID_INDEX = "customer_onboarding_tax_id"


def after_install():
	create_custom_fields(get_custom_fields(), ignore_validate=True)
	set_customer_code_from_name()
	add_tax_id_index()
	apply_default_settings()


def after_migrate():
	create_custom_fields(get_custom_fields(), ignore_validate=True)
	add_tax_id_index()


def before_uninstall():
	sync_link_title(False)
	delete_custom_fields()
	drop_tax_id_index()


def add_tax_id_index():
	frappe.db.add_index("Customer", ["tax_id"], index_name=TAX_ID_INDEX)


def drop_tax_id_index():
	if frappe.db.has_index("tabCustomer", TAX_ID_INDEX):
		frappe.db.sql_ddl(f"ALTER TABLE `tabCustomer` DROP INDEX `{TAX_ID_INDEX}`")


def delete_custom_fields():
	"""Remove our fields and their columns; customers and their names stay."""
	for doctype in get_custom_fields():
		for name in frappe.get_all("Custom Field", {"dt": doctype, "module": MODULE}, pluck="name"):
			frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
		for fieldname in data_fieldnames(doctype):
			if frappe.db.has_column(doctype, fieldname):
				frappe.db.sql_ddl(f"ALTER TABLE `tab{doctype}` DROP COLUMN `{fieldname}`")
		frappe.clear_cache(doctype=doctype)
