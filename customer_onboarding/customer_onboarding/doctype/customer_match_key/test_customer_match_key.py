"""Match keys hold for every customer: legacy rows, saves with every switch off, contacts, merges."""

import random

import frappe
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.api import find_duplicates, merge_customers
from customer_onboarding.customer_onboarding.report.duplicate_customers.duplicate_customers import (
	execute as duplicate_report,
)
from customer_onboarding.exceptions import CustomerDataError
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.match_keys.store import KEYS
from customer_onboarding.tests.legacy import legacy_contact, legacy_customer
from customer_onboarding.tests.utils import (
	MASTER_MANAGER,
	SALES_USER,
	as_user,
	company_values,
	individual_values,
	make_standard_users,
	make_uscc,
	settings,
	unique_code,
)

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["Customer"]

STOCK = {"use_code_as_name": 0, "require_approval": 0, "check_data_on_save": 0}


def keys(customer: str, kind: str) -> set[str]:
	return set(frappe.get_all(KEYS, {"customer": customer, "key_type": kind}, pluck="key_value"))


def found(**query) -> dict[str, list[str]]:
	with as_user(SALES_USER):
		return {c["customer"]: c["reasons"] for c in find_duplicates(**query)}


def random_mobile() -> tuple[str, str]:
	"""A mobile number typed with spaces, and its E.164 form."""
	digits = f"139{random.randrange(10**8):08d}"
	return f"{digits[:3]} {digits[3:7]} {digits[7:]}", f"+86{digits}"


def messy(tax_id: str) -> str:
	return " " + tax_id[:6].lower() + " " + tax_id[6:].lower()


class MatchKeyCase(FrappeTestCase):
	"""Standard users, committed so that every test's rollback keeps them."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()


class TestLegacyCustomers(MatchKeyCase):
	"""Rows written before the app was installed get their keys from the fill that install and migrate run."""

	def setUp(self):
		self.spaced, self.e164 = random_mobile()
		self.plain, self.plain_e164 = random_mobile()
		self.plain = self.plain.replace(" ", "")
		self.tax_id = make_uscc()
		self.word = unique_code()
		self.with_spaces = legacy_customer(mobile_no=self.spaced, tax_id=messy(self.tax_id))
		self.without_spaces = legacy_customer(
			customer_name=f"杭州{self.word}贸易有限公司",
			mobile_no=self.plain,
			email_id=f"  {self.word}@Example.COM",
		)
		fill_match_keys(only_missing=True)

	def test_phones_stored_as_typed_are_found_by_any_spelling(self):
		self.assertEqual(found(mobile_no="+86 " + self.spaced).get(self.with_spaces), ["same_phone"])
		self.assertEqual(found(mobile_no=self.plain_e164).get(self.without_spaces), ["same_phone"])
		self.assertEqual(frappe.db.get_value("Customer", self.with_spaces, "mobile_no"), self.spaced)

	def test_tax_id_email_and_name(self):
		self.assertIn("same_tax_id", found(tax_id=self.tax_id)[self.with_spaces])
		self.assertIn("same_email", found(email_id=f"{self.word}@example.com")[self.without_spaces])
		self.assertIn(
			"similar_name", found(customer_name=f"杭州{self.word}贸易股份有限公司")[self.without_spaces]
		)

	def test_a_new_customer_may_not_take_a_legacy_tax_id(self):
		count = frappe.db.count("Customer")
		with as_user(SALES_USER), self.assertRaisesRegex(CustomerDataError, "already used by customer"):
			frappe.get_doc(company_values(tax_id=self.tax_id)).insert()
		self.assertEqual(frappe.db.count("Customer"), count)

	def test_the_rule_holds_without_approval(self):
		with settings(require_approval=0), as_user(SALES_USER):
			self.assertRaises(CustomerDataError, frappe.get_doc(company_values(tax_id=self.tax_id)).insert)

	def test_legacy_contact_phones_and_emails_are_keys_of_their_customer(self):
		spaced, e164 = random_mobile()
		email = f"legacy-{self.word}@example.com".lower()
		legacy_contact(self.without_spaces, phones=[spaced], emails=[email.upper()])
		fill_match_keys()
		self.assertIn(e164, keys(self.without_spaces, "phone"))
		self.assertEqual(found(mobile_no=e164).get(self.without_spaces), ["same_phone"])
		self.assertEqual(found(email_id=email).get(self.without_spaces), ["same_email"])

	def test_duplicate_report_pairs_a_new_customer_with_a_legacy_one(self):
		with settings(**STOCK), as_user(SALES_USER):
			copy = frappe.get_doc(individual_values(mobile_no=self.e164)).insert()
		with as_user(MASTER_MANAGER):
			_columns, rows = duplicate_report({"min_score": 90})
		pair = next(r for r in rows if {r["customer"], r["duplicate"]} == {self.with_spaces, copy.name})
		self.assertEqual(pair["score"], 90)


class TestKeysOnEverySave(MatchKeyCase):
	def test_a_save_with_every_switch_off_refreshes_the_keys_and_keeps_what_was_typed(self):
		spaced, e164 = random_mobile()
		with settings(**STOCK), as_user(SALES_USER):
			customer = frappe.get_doc(individual_values(mobile_no=spaced, tax_id=" ab-12 ")).insert()
			self.assertEqual(customer.mobile_no, spaced)
			self.assertEqual(
				(keys(customer.name, "phone"), keys(customer.name, "tax_id")), ({e164}, {"AB12"})
			)
			customer.tax_id = "cd 34"
			customer.save()
			self.assertEqual(keys(customer.name, "tax_id"), {"CD34"})
			contact = frappe.get_doc("Contact", customer.customer_primary_contact)
			other_spaced, other_e164 = random_mobile()
			contact.append("phone_nos", {"phone": other_spaced})
			contact.save()
		self.assertIn(other_e164, keys(customer.name, "phone"))

	def test_stock_settings_let_two_customers_share_a_tax_id(self):
		tax_id = make_uscc()
		with settings(**STOCK), as_user(SALES_USER):
			first = frappe.get_doc(company_values(tax_id=tax_id)).insert()
			second = frappe.get_doc(company_values(tax_id=tax_id.lower())).insert()
		self.assertEqual(keys(first.name, "tax_id"), keys(second.name, "tax_id"))

	def test_checks_run_without_approval_and_stop_when_switched_off(self):
		with settings(require_approval=0, check_data_on_save=1), as_user(SALES_USER):
			self.assertRaisesRegex(
				CustomerDataError, "Tax ID", frappe.get_doc(company_values(tax_id="12345")).insert
			)
		with settings(require_approval=1, check_data_on_save=0), as_user(SALES_USER):
			customer = frappe.get_doc(company_values(tax_id="12345", registered_address=None)).insert()
		self.assertEqual(customer.tax_id, "12345")

	def test_the_primary_contact_erpnext_makes_in_a_save_of_a_legacy_customer_is_a_key(self):
		"""The contact is made inside the customer's save, whose own refresh of the keys reads it."""
		legacy_spaced, legacy_e164 = random_mobile()
		customer = legacy_customer()
		legacy_contact(customer, phones=[legacy_spaced])
		fill_match_keys(only_missing=True)
		spaced, e164 = random_mobile()
		with settings(**STOCK), as_user(SALES_USER):
			doc = frappe.get_doc("Customer", customer)
			doc.mobile_no = spaced
			doc.save()
		self.assertTrue(doc.customer_primary_contact)
		self.assertEqual(keys(customer, "phone"), {legacy_e164, e164})
		with as_user(SALES_USER):
			contact = frappe.get_doc("Contact", doc.customer_primary_contact)
			other_spaced, other_e164 = random_mobile()
			contact.append("phone_nos", {"phone": other_spaced})
			contact.save()
		self.assertIn(other_e164, keys(customer, "phone"))

	def test_contact_changes_move_the_keys(self):
		with as_user(SALES_USER):
			customer = frappe.get_doc(company_values()).insert()
			_spaced, e164 = random_mobile()
			contact = frappe.get_doc(
				{
					"doctype": "Contact",
					"first_name": "王",
					"links": [{"link_doctype": "Customer", "link_name": customer.name}],
					"phone_nos": [{"phone": e164}],
				}
			).insert()
			self.assertIn(e164, keys(customer.name, "phone"))
			contact.delete()
		self.assertNotIn(e164, keys(customer.name, "phone"))

	def test_a_merge_leaves_the_target_with_both_customers_keys_once(self):
		spaced, e164 = random_mobile()
		with as_user(SALES_USER):
			target = frappe.get_doc(individual_values()).insert()
			source = frappe.get_doc(individual_values(mobile_no=spaced)).insert()
		with as_user(MASTER_MANAGER):
			merge_customers(source.name, target.name)
		self.assertIn(e164, keys(target.name, "phone"))
		self.assertEqual(frappe.db.count(KEYS, {"customer": source.name}), 0)
		rows = frappe.get_all(KEYS, {"customer": target.name}, ["key_type", "key_value"], as_list=True)
		self.assertEqual(len(rows), len(set(rows)))
