"""The legacy code on Customer: indexed, found by every customer link field, listed against the new code."""

import frappe
from frappe.desk.query_report import export_query, run
from frappe.desk.search import search_link
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.tests.utils import (
	MASTER_MANAGER,
	NO_ROLES,
	SALES_USER,
	as_user,
	enabled_customer,
	make_customer,
	make_standard_users,
	unique_code,
)

REPORT = "Legacy Customer Codes"


def rows_of(report: dict, legacy_code: str) -> list[dict]:
	return [row for row in report["result"] if row.get("legacy_code") == legacy_code]


class TestLegacyCodes(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def setUp(self):
		self.legacy_code = f"K{unique_code(8)}"
		self.customer = make_customer(legacy_code=self.legacy_code)

	def test_the_field_is_indexed(self):
		indexed = frappe.db.sql(
			"SHOW INDEX FROM `tabCustomer` WHERE Column_name = %s", ("legacy_code",), as_dict=True
		)
		self.assertTrue(indexed)

	def test_a_customer_link_field_finds_the_customer_by_its_legacy_code(self):
		legacy_code = f"U{unique_code(8)}"
		customer = enabled_customer(legacy_code=legacy_code)
		with as_user(SALES_USER):
			found = search_link("Customer", legacy_code)
		self.assertEqual([result["value"] for result in found], [customer.name])

	def test_the_report_lists_the_legacy_code_against_the_customer_code(self):
		make_customer()
		with as_user(MASTER_MANAGER):
			report = run(REPORT, {"legacy_code": self.legacy_code.lower()})
		self.assertEqual(
			[(row["customer_code"], row["customer_name"], row["customer"]) for row in report["result"]],
			[(self.customer.customer_code, self.customer.customer_name, self.customer.name)],
		)
		self.assertEqual(len(rows_of(report, self.legacy_code)), 1)

	def test_a_customer_master_manager_exports_it(self):
		with as_user(MASTER_MANAGER):
			# set_user empties form_dict: the request's form comes after the login.
			frappe.local.form_dict = frappe._dict(
				report_name=REPORT,
				file_format_type="CSV",
				filters={"legacy_code": self.legacy_code},
				visible_idx=[0],
			)
			export_query()
		self.assertIn(self.legacy_code, frappe.response["filecontent"].decode())

	def test_a_user_without_a_role_of_the_report_is_refused(self):
		with as_user(NO_ROLES), self.assertRaises(frappe.PermissionError):
			run(REPORT, {})
