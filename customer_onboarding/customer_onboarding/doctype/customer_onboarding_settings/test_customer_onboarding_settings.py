"""The settings refuse values the rules cannot use; a new site starts with the documented defaults."""

import frappe
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.tests.utils import NO_ROLES, as_user, make_user

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["User"]


class TestSettingsValidation(FrappeTestCase):
	def tearDown(self):
		frappe.db.rollback()

	def test_unknown_region_is_refused(self):
		doc = frappe.get_single("Customer Onboarding Settings")
		doc.default_phone_region = "XX"
		self.assertRaisesRegex(frappe.ValidationError, "country code", doc.save)

	def test_duplicate_matrix_row_is_refused(self):
		doc = frappe.get_single("Customer Onboarding Settings")
		doc.append("required_fields", {"customer_type": "Company", "fieldname": "tax_id"})
		self.assertRaisesRegex(frappe.ValidationError, "already required", doc.save)

	def test_no_roles_user_cannot_read_settings(self):
		make_user(NO_ROLES)
		with as_user(NO_ROLES), self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Customer Onboarding Settings").check_permission("read")

	def test_defaults_after_install(self):
		doc = frappe.get_single("Customer Onboarding Settings")
		self.assertEqual(doc.tax_id_scheme, "CN USCC")
		self.assertEqual(doc.default_phone_region, "CN")
		self.assertTrue(doc.use_code_as_name and doc.require_approval and doc.check_contact_details)
		self.assertIn(
			("Individual", "mobile_no"), [(r.customer_type, r.fieldname) for r in doc.required_fields]
		)
