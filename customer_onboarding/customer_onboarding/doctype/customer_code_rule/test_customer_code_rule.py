import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from customer_onboarding.exceptions import CustomerCodeLockedError, CustomerDataError
from customer_onboarding.tests.utils import (
	SALES_USER,
	SYSTEM_MANAGER,
	StandardUsersCase,
	as_user,
	make_customer,
	make_group,
	make_rule,
	make_standard_users,
	make_territory,
	settings,
	unique_code,
)

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["Customer Group", "Territory"]


class TestCustomerCodes(FrappeTestCase):
	"""Codes by rule, as a sales user creates customers in the desk."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def setUp(self):
		self.region = unique_code(4)
		self.china = make_territory(f"China {self.region}", f"C{self.region}")
		self.beijing = make_territory(f"Beijing {self.region}", "BJ" + self.region, self.china)
		self.haidian = make_territory(f"Haidian {self.region}", None, self.beijing)
		self.shanghai = make_territory(f"Shanghai {self.region}", "SH" + self.region, self.china)
		self.dealers = make_group(f"Dealers {self.region}", "JS")
		self.retail = make_group(f"Retail {self.region}", "LS", self.dealers)

	def tearDown(self):
		frappe.db.rollback()

	def new_customer(self, **values):
		with as_user(SALES_USER):
			return make_customer(**values)

	def test_serial_counts_per_prefix_and_names_the_customer(self):
		make_rule("{territory_code}-{group_code}-###", territory=self.china)
		first = self.new_customer(territory=self.beijing, customer_group=self.dealers)
		second = self.new_customer(territory=self.beijing, customer_group=self.dealers)
		other = self.new_customer(territory=self.shanghai, customer_group=self.dealers)
		self.assertEqual(first.customer_code, f"BJ{self.region}-JS-001")
		self.assertEqual(second.customer_code, f"BJ{self.region}-JS-002")
		self.assertEqual(other.customer_code, f"SH{self.region}-JS-001")
		self.assertEqual(first.name, first.customer_code)

	def test_codes_are_inherited_from_the_nearest_ancestor(self):
		make_rule("{territory_code}-{group_code}-###", territory=self.china)
		customer = self.new_customer(territory=self.haidian, customer_group=self.retail)
		self.assertEqual(customer.customer_code, f"BJ{self.region}-LS-001")

	def test_serial_keeps_counting_past_its_width(self):
		make_rule("{territory_code}-#", territory=self.shanghai)
		codes = [self.new_customer(territory=self.shanghai).customer_code for _ in range(10)]
		self.assertEqual(codes[-2:], [f"SH{self.region}-9", f"SH{self.region}-10"])

	def test_date_tokens(self):
		make_rule("K{YYYY}{MM}-####", territory=self.shanghai)
		today = getdate()
		customer = self.new_customer(territory=self.shanghai)
		self.assertEqual(customer.customer_code, f"K{today.year}{today.month:02d}-0001")

	def test_most_specific_rule_wins_then_priority(self):
		make_rule("WIDE-{territory_code}-###", territory=self.china, priority=50)
		make_rule("NEAR-{territory_code}-###", territory=self.beijing)
		make_rule("BOTH-{territory_code}-###", territory=self.china, customer_group=self.dealers)
		self.assertEqual(self.new_customer(territory=self.haidian).customer_code, f"NEAR-BJ{self.region}-001")
		self.assertEqual(
			self.new_customer(territory=self.haidian, customer_group=self.retail).customer_code,
			f"BOTH-BJ{self.region}-001",
		)
		self.assertEqual(
			self.new_customer(territory=self.shanghai).customer_code, f"WIDE-SH{self.region}-001"
		)

	def test_disabled_rule_is_ignored_and_no_rule_keeps_erpnext_naming(self):
		make_rule("OFF-###", territory=self.shanghai, enabled=0)
		customer = self.new_customer(territory=self.shanghai)
		self.assertEqual(customer.customer_code, customer.name)
		self.assertFalse(customer.name.startswith("OFF-"))

	def test_a_rule_disabled_in_its_form_gives_no_more_codes(self):
		rule = frappe.get_doc("Customer Code Rule", make_rule("ON-###", territory=self.shanghai))
		self.assertEqual(self.new_customer(territory=self.shanghai).customer_code, "ON-001")
		rule.enabled = 0
		rule.save()
		self.assertFalse(self.new_customer(territory=self.shanghai).customer_code.startswith("ON-"))

	def test_code_as_name_off_keeps_erpnext_name(self):
		make_rule("{territory_code}-###", territory=self.shanghai)
		with settings(use_code_as_name=0):
			customer = self.new_customer(territory=self.shanghai)
		self.assertEqual(customer.customer_code, f"SH{self.region}-001")
		self.assertNotEqual(customer.name, customer.customer_code)

	def test_missing_territory_code_is_a_clear_error(self):
		make_rule("{group_code}-{territory_code}-###", customer_group=self.dealers)
		nowhere = make_territory(f"Nowhere {self.region}")
		with self.assertRaisesRegex(CustomerDataError, "Territory Code"):
			self.new_customer(territory=nowhere, customer_group=self.dealers)

	def test_a_sales_user_cannot_choose_the_code(self):
		make_rule("{territory_code}-###", territory=self.shanghai)
		customer = self.new_customer(territory=self.shanghai, customer_code="MINE-1")
		self.assertEqual(customer.customer_code, f"SH{self.region}-001")

	def test_a_system_manager_may_bring_a_legacy_code(self):
		make_rule("{territory_code}-###", territory=self.shanghai)
		with as_user(SYSTEM_MANAGER):
			customer = make_customer(territory=self.shanghai, customer_code=f"OLD{self.region}")
		self.assertEqual(customer.name, f"OLD{self.region}")

	def test_serials_taken_by_existing_codes_are_skipped(self):
		make_rule("{territory_code}-###", territory=self.shanghai)
		with as_user(SYSTEM_MANAGER):
			make_customer(territory=self.shanghai, customer_code=f"SH{self.region}-001")
		self.assertEqual(self.new_customer(territory=self.shanghai).customer_code, f"SH{self.region}-002")

	def test_code_cannot_be_edited_after_insert(self):
		customer = self.new_customer()
		for user in (SALES_USER, SYSTEM_MANAGER):
			with as_user(user):
				doc = frappe.get_doc("Customer", customer.name)
				doc.customer_code = "CHANGED"
				self.assertRaises(CustomerCodeLockedError, doc.save)

	def test_only_a_system_manager_renames_a_coded_customer_and_the_code_follows(self):
		make_rule("{territory_code}-###", territory=self.shanghai)
		customer = self.new_customer(territory=self.shanghai)
		with as_user(SALES_USER):
			self.assertRaises(
				(CustomerCodeLockedError, frappe.PermissionError),
				frappe.rename_doc,
				"Customer",
				customer.name,
				f"SH{self.region}-900",
			)
		with as_user(SYSTEM_MANAGER):
			frappe.rename_doc("Customer", customer.name, f"SH{self.region}-900")
		self.assertEqual(
			frappe.db.get_value("Customer", f"SH{self.region}-900", "customer_code"), f"SH{self.region}-900"
		)

	def test_links_show_the_customer_name_with_codes_as_names(self):
		self.assertTrue(frappe.get_meta("Customer").show_title_field_in_link)
		with settings(use_code_as_name=0):
			self.assertFalse(frappe.get_meta("Customer").show_title_field_in_link)


class TestCodeRuleAdministration(StandardUsersCase):
	def test_bad_pattern_is_refused_with_the_reason(self):
		with self.assertRaisesRegex(frappe.ValidationError, "unknown token"):
			make_rule("{city}-###")
		with self.assertRaisesRegex(frappe.ValidationError, "no run of #"):
			make_rule("BJ-JS")

	def test_rule_shows_an_example(self):
		rule = frappe.get_doc("Customer Code Rule", make_rule("{territory_code}-{group_code}-###"))
		self.assertEqual(rule.example, "BJ-JS-001")

	def test_sales_user_cannot_create_rules_or_change_settings(self):
		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, make_rule_as_user, "X-###")
			settings_doc = frappe.get_doc("Customer Onboarding Settings")
			settings_doc.use_code_as_name = 0
			self.assertRaises(frappe.PermissionError, settings_doc.save)

	def test_territory_code_is_upper_cased_and_checked(self):
		name = make_territory(f"T {unique_code()}", " gz ")
		self.assertEqual(frappe.db.get_value("Territory", name, "territory_code"), "GZ")
		self.assertRaisesRegex(
			frappe.ValidationError, "letters or digits", make_territory, f"T {unique_code()}", "G-Z"
		)


def make_rule_as_user(pattern: str):
	return frappe.get_doc(
		{"doctype": "Customer Code Rule", "rule_name": unique_code(), "pattern": pattern}
	).insert()
