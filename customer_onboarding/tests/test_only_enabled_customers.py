"""Only an Enabled customer can be used: ERPNext itself refuses the others, and search hides them."""

import frappe
from erpnext.exceptions import PartyDisabled
from frappe.desk.search import search_widget
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.tests.utils import (
	ACCOUNTS_USER,
	REVIEWER,
	SALES_USER,
	STOCK_USER,
	SalesDocumentCase,
	as_user,
	enabled_customer,
	make_customer,
	make_item,
	make_standard_users,
	move,
	payment_entry,
	sales_doc,
)

SALES_DOCTYPES = {
	"Quotation": SALES_USER,
	"Sales Order": SALES_USER,
	"Delivery Note": STOCK_USER,
	"Sales Invoice": ACCOUNTS_USER,
}


class TestOnlyEnabledCustomersAreUsable(SalesDocumentCase):
	def setUp(self):
		self.enabled = enabled_customer().name
		with as_user(SALES_USER):
			self.approved = make_customer(account_manager=SALES_USER).name
		move(self.approved, "Submit for Review", SALES_USER)
		move(self.approved, "Approve", REVIEWER)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_sales_documents_refuse_a_customer_not_yet_enabled(self):
		for doctype, user in SALES_DOCTYPES.items():
			with self.subTest(doctype), as_user(user):
				self.assertRaises(PartyDisabled, sales_doc(doctype, self.approved).insert)
				self.assertTrue(sales_doc(doctype, self.enabled).insert().name)

	def test_payment_entry_refuses_a_customer_not_yet_enabled(self):
		with as_user(ACCOUNTS_USER):
			entry = payment_entry(self.approved).insert()
			self.assertRaises(PartyDisabled, entry.submit)
			payment_entry(self.enabled).insert().submit()

	def test_customer_search_of_these_forms_shows_only_enabled(self):
		"""All five forms search customers with Frappe's link search, which leaves out disabled records."""
		for user in (SALES_USER, ACCOUNTS_USER, STOCK_USER):
			with self.subTest(user), as_user(user):
				found = [row["name"] for row in search_widget("Customer", "", page_length=1000, as_dict=True)]
				self.assertIn(self.enabled, found)
				self.assertNotIn(self.approved, found)
