import frappe
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.exceptions import CustomerDataError
from customer_onboarding.tests.utils import (
	SALES_USER,
	company_values,
	individual_values,
	make_customer,
	make_mobile,
	make_standard_users,
	make_uscc,
	settings,
)


class TestCustomerValidation(FrappeTestCase):
	"""The checks a sales user meets when saving a customer."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def setUp(self):
		frappe.set_user(SALES_USER)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def assert_refused(self, values: dict, message: str):
		count = frappe.db.count("Customer")
		with self.assertRaisesRegex(CustomerDataError, message):
			frappe.get_doc(values).insert()
		self.assertEqual(frappe.db.count("Customer"), count)

	def test_uscc_is_normalised_before_the_check(self):
		tax_id = make_uscc()
		typed = " " + " ".join(tax_id[i : i + 4] for i in range(0, 18, 4)).lower() + "　"
		customer = make_customer(tax_id=typed.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}))
		self.assertEqual(customer.tax_id, tax_id)

	def test_invalid_uscc_is_refused_naming_the_field(self):
		tax_id = make_uscc()
		wrong = tax_id[:-1] + ("0" if tax_id[-1] != "0" else "1")
		self.assert_refused(company_values(tax_id=wrong), "Tax ID.*check character")
		self.assert_refused(company_values(tax_id="12345"), "Tax ID.*18 characters, not 5")

	def test_partnership_is_checked_and_individual_is_not(self):
		self.assert_refused(company_values(customer_type="Partnership", tax_id="12345"), "Tax ID")
		customer = frappe.get_doc(individual_values(tax_id="110101199003074512")).insert()
		self.assertEqual(customer.tax_id, "110101199003074512")

	def test_phone_check_can_be_switched_off_alone(self):
		with settings(check_contact_details=0):
			customer = frappe.get_doc(individual_values(mobile_no="8989889890")).insert()
		self.assertEqual(customer.mobile_no, "8989889890")

	def test_scheme_none_skips_the_uscc_check(self):
		with settings(tax_id_scheme="None"):
			self.assertEqual(make_customer(tax_id="GB123").tax_id, "GB123")

	def test_same_tax_id_names_the_existing_customer(self):
		existing = make_customer()
		self.assert_refused(
			company_values(tax_id=existing.tax_id), f"already used by customer.*{existing.name}"
		)

	def test_required_fields_by_customer_type(self):
		self.assert_refused(company_values(tax_id=None), "Tax ID.*is required for a customer of type")
		self.assert_refused(company_values(registered_address=" "), "Registered Address.*is required")
		self.assert_refused(individual_values(mobile_no=None), "Mobile No.*is required")

	def test_all_problems_are_reported_together(self):
		values = company_values(tax_id=None, registered_address=None)
		with self.assertRaises(CustomerDataError):
			frappe.get_doc(values).insert()
		messages = [m for m in frappe.get_message_log() if "is required" in str(m.get("message"))]
		self.assertTrue(messages)
		self.assertIn("Registered Address", str(messages[-1]["message"]))
		self.assertIn("Tax ID", str(messages[-1]["message"]))

	def test_mobile_is_normalised_and_reaches_the_primary_contact(self):
		customer = frappe.get_doc(individual_values(mobile_no="138 0013 8000")).insert()
		self.assertEqual(customer.mobile_no, "+8613800138000")
		contact = frappe.get_doc("Contact", customer.customer_primary_contact)
		self.assertEqual(contact.mobile_no, "+8613800138000")

	def test_bad_numbers_and_emails_are_refused(self):
		self.assert_refused(individual_values(mobile_no="12345"), "Mobile No.*not a valid phone number")
		self.assert_refused(individual_values(mobile_no="010-65529988"), "Mobile No.*not a mobile number")
		self.assert_refused(individual_values(email_id="not-an-email"), "not a valid email address")

	def test_contact_phone_numbers_of_a_customer_are_checked(self):
		customer = frappe.get_doc(individual_values()).insert()
		contact = frappe.get_doc("Contact", customer.customer_primary_contact)
		contact.append("phone_nos", {"phone": "(010) 6552-9988"})
		contact.save()
		self.assertIn("+861065529988", [row.phone for row in contact.phone_nos])
		contact.append("phone_nos", {"phone": "999"})
		self.assertRaisesRegex(frappe.ValidationError, "not a valid phone number", contact.save)

	def test_region_setting_is_used(self):
		with settings(default_phone_region="GB"):
			customer = frappe.get_doc(individual_values(mobile_no="07400 123456")).insert()
		self.assertEqual(customer.mobile_no, "+447400123456")

	def test_with_the_checks_switched_off_customers_save_as_in_stock_erpnext(self):
		with settings(require_approval=0, check_data_on_save=0):
			customer = frappe.get_doc(individual_values(mobile_no="8989889890", tax_id=None)).insert()
		self.assertEqual(customer.mobile_no, "8989889890")

	def test_editing_an_existing_customer_runs_the_same_checks(self):
		customer = make_customer()
		customer.tax_id = "123"
		self.assertRaises(CustomerDataError, customer.save)
		customer.reload()
		self.assertNotEqual(customer.tax_id, "123")


class TestChineseMessages(FrappeTestCase):
	def tearDown(self):
		frappe.local.lang = "en"
		frappe.db.rollback()

	def test_error_names_the_field_in_simplified_chinese(self):
		frappe.local.lang = "zh"
		with self.assertRaisesRegex(CustomerDataError, "统一社会信用代码"):
			frappe.get_doc(company_values(tax_id="12345")).insert()
