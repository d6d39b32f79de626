"""Install on a site that already has customers, uninstall, reinstall."""

import json

import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter
from frappe.installer import install_app, remove_app
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.api import find_duplicates
from customer_onboarding.setup.custom_fields import MODULE
from customer_onboarding.stocktake.analysis import STOCKTAKE_INDEX
from customer_onboarding.tests.utils import make_customer, unique_code

APP = "customer_onboarding"


def forget_loaded_hooks():
	"""`bench uninstall-app` runs in a process of its own; this test's process must drop the hooks it cached."""
	frappe.clear_cache()
	if hasattr(frappe.local, "doc_events_hooks"):
		del frappe.local.doc_events_hooks


def search_fields() -> list[str]:
	return [f.strip() for f in (frappe.get_meta("Customer", cached=False).search_fields or "").split(",")]


def reinstall():
	install_app(APP)
	frappe.db.commit()
	forget_loaded_hooks()


def legacy_customer(**values):
	"""A customer created while the app is not installed."""
	return frappe.get_doc(
		{
			"doctype": "Customer",
			"customer_name": f"Legacy {unique_code()}",
			"customer_type": "Company",
			"customer_group": "All Customer Groups",
			"territory": "All Territories",
			**values,
		}
	).insert()


class TestInstallCycle(FrappeTestCase):
	def tearDown(self):
		if APP not in frappe.get_installed_apps():
			reinstall()

	def test_uninstall_keeps_customers_and_reinstall_codes_them_by_name(self):
		coded = make_customer()
		frappe.db.commit()

		remove_app(APP, yes=True, no_backup=True)
		forget_loaded_hooks()
		self.assertTrue(frappe.db.exists("Customer", coded.name))
		self.assertFalse(frappe.db.has_column("Customer", "customer_code"))
		self.assertFalse(frappe.db.exists("Custom Field", {"module": MODULE}))
		self.assertFalse(frappe.db.exists("DocType", "Customer Code Rule"))
		self.assertFalse(frappe.db.table_exists("Customer Match Key"))
		self.assertFalse(frappe.db.has_index("tabSales Invoice", STOCKTAKE_INDEX))
		self.assertFalse(frappe.db.exists("Workflow", "Customer Onboarding"))
		self.assertFalse(frappe.db.exists("Role", "Customer Onboarding Reviewer"))
		self.assertNotIn("legacy_code", search_fields())

		legacy = legacy_customer(mobile_no="139 8765 4321", tax_id=" 911100 003gn6hc9hpf")
		legacy_disabled = legacy_customer(disabled=1)
		frappe.db.commit()

		reinstall()
		for name in (coded.name, legacy.name):
			self.assertEqual(frappe.db.get_value("Customer", name, "customer_code"), name)
		self.assertEqual(
			frappe.db.get_value("Customer", legacy.name, ["workflow_state", "disabled"]), ("Enabled", 0)
		)
		self.assertEqual(
			frappe.db.get_value("Customer", legacy_disabled.name, ["workflow_state", "disabled"]),
			("Disabled", 1),
		)
		self.assertTrue(frappe.db.exists("DocType", "Customer Code Rule"))
		self.assertTrue(frappe.db.get_value("Workflow", "Customer Onboarding", "is_active"))
		self.assertIn("legacy_code", search_fields())
		self.assertTrue(frappe.db.has_index("tabSales Invoice", STOCKTAKE_INDEX))
		frappe.db.updatedb("Customer")
		self.assertFalse(
			frappe.db.get_column_index("tabCustomer", "tax_id", unique=False),
			"tax IDs are looked up through the match keys, not an index on Customer",
		)
		self.assertEqual(
			frappe.db.get_single_value("Customer Onboarding Settings", "tax_id_scheme"), "CN USCC"
		)
		self.assertEqual(
			{c["customer"]: c["reasons"] for c in find_duplicates(mobile_no="+86 139 8765 4321")}.get(
				legacy.name
			),
			["same_phone"],
		)
		self.assertEqual(
			frappe.get_all(
				"Customer Match Key", {"customer": legacy.name, "key_type": "tax_id"}, pluck="key_value"
			),
			["911100003GN6HC9HPF"],
		)

	def test_a_layout_the_site_made_itself_is_kept(self):
		"""A site that customised the Customer form before installing keeps its layout; the app only moves the
		fields it asks for beside the customer type, and uninstall puts them back where ERPNext has them."""
		remove_app(APP, yes=True, no_backup=True)
		forget_loaded_hooks()
		stock = customer_layout()
		own = ["website", *(f for f in stock if f != "website")]  # the site's own change: website first
		setter = make_property_setter(
			"Customer", None, "field_order", json.dumps(own), "Data", for_doctype=True
		)
		frappe.db.commit()
		try:
			reinstall()
			layout = customer_layout()
			self.assertEqual(layout[0], "website")
			self.assertEqual(
				layout[layout.index("customer_type") + 1 :][:2], ["tax_id", "registered_address"]
			)
			self.assertFalse(frappe.db.get_value("Property Setter", setter.name, "module"))

			remove_app(APP, yes=True, no_backup=True)
			forget_loaded_hooks()
			self.assertEqual(customer_layout(), own)
		finally:
			frappe.delete_doc("Property Setter", setter.name, force=True)
			frappe.db.commit()


def customer_layout() -> list[str]:
	frappe.clear_cache(doctype="Customer")
	return [df.fieldname for df in frappe.get_meta("Customer", cached=False).fields]
