import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from customer_onboarding.exceptions import CreditDaysExceededError
from customer_onboarding.tests.utils import (
	ACCOUNTS_USER,
	CREDIT_CONTROLLER,
	SALES_USER,
	SalesDocumentCase,
	as_user,
	company,
	enabled_customer,
	make_item,
	make_standard_users,
	sales_doc,
)


class TestCreditDays(SalesDocumentCase):
	def setUp(self):
		self.customer = enabled_customer(credit_days=1).name
		with as_user(ACCOUNTS_USER):
			self.old_invoice = sales_doc(
				"Sales Invoice",
				self.customer,
				rate=250,
				posting_date=add_days(today(), -3),
				set_posting_time=1,
			)
			self.old_invoice.insert().submit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_sales_order_and_invoice_are_refused_naming_the_oldest_overdue_invoice(self):
		for doctype, user in (("Sales Order", SALES_USER), ("Sales Invoice", ACCOUNTS_USER)):
			with self.subTest(doctype), as_user(user):
				doc = sales_doc(doctype, self.customer).insert()
				with self.assertRaisesRegex(CreditDaysExceededError, self.old_invoice.name + ".*250"):
					doc.submit()

	def test_within_credit_days_nothing_is_refused(self):
		frappe.db.set_value("Customer", self.customer, "credit_days", 10)
		with as_user(SALES_USER):
			sales_doc("Sales Order", self.customer).insert().submit()

	def test_a_credit_controller_overrides_with_a_reason_on_the_timeline(self):
		with as_user(CREDIT_CONTROLLER):
			doc = sales_doc(
				"Sales Order", self.customer, credit_override_reason="老客户，已承诺本周付款"
			).insert()
			doc.submit()
		comment = frappe.get_last_doc(
			"Comment", filters={"reference_name": doc.name, "comment_type": "Comment"}
		)
		self.assertIn("老客户，已承诺本周付款", comment.content)

	def test_others_cannot_override(self):
		with as_user(SALES_USER):
			doc = sales_doc("Sales Order", self.customer, credit_override_reason="我说可以").insert()
			self.assertRaises(CreditDaysExceededError, doc.submit)

	def test_erpnext_credit_limit_still_applies(self):
		customer = frappe.get_doc("Customer", self.customer)
		customer.append("credit_limits", {"company": company(), "credit_limit": 300})
		customer.save()
		frappe.db.set_value("Customer", self.customer, "credit_days", 30)
		with as_user(SALES_USER):
			doc = sales_doc("Sales Order", self.customer, rate=500).insert()
			self.assertRaisesRegex(frappe.ValidationError, "[Cc]redit limit", doc.submit)
