import frappe
from frappe import _
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.api import find_duplicates, merge_customers
from customer_onboarding.customer_onboarding.report.duplicate_customers.duplicate_customers import (
	execute as report,
)
from customer_onboarding.tests.utils import (
	MASTER_MANAGER,
	NO_ROLES,
	SALES_USER,
	as_user,
	make_customer,
	make_standard_users,
	unique_code,
)


class TestDuplicates(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def setUp(self):
		self.word = unique_code(6)
		with as_user(SALES_USER):
			self.original = make_customer(
				customer_name=f"北京{self.word}科技有限公司", email_id=f"{self.word}@example.com".lower()
			)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_similar_name_with_another_suffix_scores_high(self):
		with as_user(SALES_USER):
			found = find_duplicates(customer_name=f"北京{self.word}科技股份有限公司")
		match = next(c for c in found if c["customer"] == self.original.name)
		self.assertEqual(match["score"], 100)
		self.assertEqual(match["reasons"], ["similar_name"])

	def test_same_tax_id_phone_and_email_are_reasons(self):
		with as_user(SALES_USER):
			found = find_duplicates(
				customer_name="毫不相干",
				tax_id=self.original.tax_id.lower(),
				email_id=f"{self.word}@EXAMPLE.com",
			)
		match = next(c for c in found if c["customer"] == self.original.name)
		self.assertEqual((match["score"], sorted(match["reasons"])), (100, ["same_email", "same_tax_id"]))
		self.assertEqual(sorted(match["reason_labels"]), sorted([_("same email"), _("same Tax ID")]))

	def test_exclude_leaves_out_the_customer_itself(self):
		with as_user(SALES_USER):
			found = find_duplicates(customer_name=self.original.customer_name, exclude=self.original.name)
		self.assertNotIn(self.original.name, [c["customer"] for c in found])

	def test_new_customers_are_found_at_once(self):
		with as_user(SALES_USER):
			find_duplicates(customer_name="预热")
			later = make_customer(customer_name=f"上海{self.word}贸易有限公司")
			found = find_duplicates(customer_name=f"上海{self.word}贸易集团有限公司")
		self.assertIn(later.name, [c["customer"] for c in found])

	def test_users_without_roles_cannot_search(self):
		with as_user(NO_ROLES):
			self.assertRaises(frappe.PermissionError, find_duplicates, customer_name="任何")

	def test_report_groups_likely_duplicates(self):
		with as_user(SALES_USER):
			copy = make_customer(customer_name=f"北京{self.word}科技集团有限公司")
		_columns, rows = report({"min_score": 90})
		pair = next(r for r in rows if {r["customer"], r["duplicate"]} == {self.original.name, copy.name})
		self.assertEqual(pair["score"], 100)

	def test_merge_is_for_master_managers(self):
		with as_user(SALES_USER):
			copy = make_customer(customer_name=f"北京{self.word}科技集团有限公司")
			self.assertRaises(frappe.PermissionError, merge_customers, copy.name, self.original.name)
		with as_user(MASTER_MANAGER):
			merge_customers(copy.name, self.original.name)
		self.assertFalse(frappe.db.exists("Customer", copy.name))
		self.assertTrue(frappe.db.exists("Customer", self.original.name))
