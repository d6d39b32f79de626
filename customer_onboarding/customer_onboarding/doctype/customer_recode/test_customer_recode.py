"""Re-coding legacy customers: the dry run, codes by the rule, the old code kept, renamed with every link."""

from unittest.mock import patch

import frappe

from customer_onboarding import api
from customer_onboarding.recoding import run_recode
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.utils import (
	MASTER_MANAGER,
	SALES_USER,
	SalesDocumentCase,
	as_user,
	make_rule,
	make_territory,
	make_uscc,
	sales_doc,
	unique_code,
)

test_ignore = ["Customer", "User", "Territory", "Customer Code Rule"]


class TestCustomerRecode(SalesDocumentCase):
	def setUp(self):
		self.code = unique_code(4)
		self.territory = make_territory(f"Recode {self.code}", self.code)
		make_rule("{territory_code}-####", territory=self.territory)
		complete = {"registered_address": "北京市朝阳区1号", "territory": self.territory}
		self.customers = sorted(legacy_customer(tax_id=make_uscc(), **complete) for _n in range(2))
		with as_user(MASTER_MANAGER):
			self.recode = (
				frappe.get_doc({"doctype": "Customer Recode", "territory": self.territory}).insert().name
			)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_dry_run_lists_old_against_new_and_changes_nothing(self):
		with as_user(MASTER_MANAGER):
			result = api.recode_dry_run(self.recode)
		self.assertEqual(
			[(row["old"], row["new"]) for row in result["rows"]],
			[(self.customers[0], f"{self.code}-0001"), (self.customers[1], f"{self.code}-0002")],
		)
		self.assertTrue(frappe.db.exists("Customer", self.customers[0]))

	def test_run_gives_codes_keeps_legacy_codes_renames_with_links_and_reruns_safely(self):
		with as_user(SALES_USER):
			order = sales_doc("Sales Order", self.customers[0]).insert().name
		names = {name: frappe.db.get_value("Customer", name, "customer_name") for name in self.customers}
		with as_user(MASTER_MANAGER):
			run_recode(self.recode)
			run_recode(self.recode)
		new = f"{self.code}-0001"
		row = frappe.db.get_value(
			"Customer", new, ["customer_code", "legacy_code", "customer_name"], as_dict=True
		)
		self.assertEqual(
			(row.customer_code, row.legacy_code, row.customer_name),
			(new, self.customers[0], names[self.customers[0]]),
		)
		self.assertEqual(frappe.db.get_value("Sales Order", order, "customer"), new)
		self.assertFalse(frappe.db.exists("Customer", self.customers[0]))
		self.assertTrue(frappe.db.exists("Customer", f"{self.code}-0002"))
		self.assertFalse(frappe.db.exists("Customer", f"{self.code}-0003"))
		doc = frappe.get_doc("Customer Recode", self.recode)
		self.assertEqual((doc.status, doc.customers_left), ("Completed", 0))

	def test_a_killed_run_leaves_no_customer_half_recoded_and_a_second_start_finishes(self):
		frappe.db.commit()
		renamed = []
		real = frappe.rename_doc

		def killed_on_the_second_rename(*args, **kwargs):
			renamed.append(args[1])
			if len(renamed) == 2:
				raise KeyboardInterrupt
			return real(*args, **kwargs)

		with as_user(MASTER_MANAGER), patch.object(frappe, "rename_doc", killed_on_the_second_rename):
			self.assertRaises(KeyboardInterrupt, run_recode, self.recode)
		frappe.db.rollback()
		second = frappe.db.get_value("Customer", self.customers[1], ["customer_code", "legacy_code"])
		self.assertEqual(second, (self.customers[1], None))
		self.assertTrue(frappe.db.exists("Customer", f"{self.code}-0001"))
		with as_user(MASTER_MANAGER):
			run_recode(self.recode)
		self.assertEqual(
			frappe.db.get_value("Customer", f"{self.code}-0002", "legacy_code"), self.customers[1]
		)
		self.assertFalse(frappe.db.exists("Customer", f"{self.code}-0003"))
		self.assertEqual(frappe.db.get_value("Customer Recode", self.recode, "status"), "Completed")

	def test_the_sites_caches_are_cleared_once_when_the_run_ends(self):
		clear_cache = frappe.clear_cache
		frappe.cache.set_value("customer-onboarding-test", "cached")
		with as_user(MASTER_MANAGER):
			run_recode(self.recode)
		self.assertIs(frappe.clear_cache, clear_cache)
		self.assertIsNone(frappe.cache.get_value("customer-onboarding-test"))

	def test_only_master_managers_and_system_managers_recode(self):
		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, api.recode_dry_run, self.recode)
			self.assertRaises(frappe.PermissionError, api.start_recode, self.recode)
