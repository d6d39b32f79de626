"""Changes under control: sensitive fields of an enabled customer change only through an approved request."""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, today

from customer_onboarding.api import refresh_change_request, set_change_request_comment
from customer_onboarding.change_requests.requests import apply_due_change_requests
from customer_onboarding.customer_onboarding.report.customer_change_history.customer_change_history import (
	execute as history_report,
)
from customer_onboarding.exceptions import (
	ChangeRequestError,
	CustomerDataError,
	PaymentHeldError,
	StaleChangeRequestError,
)
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.utils import (
	ACCOUNTS_USER,
	MASTER_MANAGER,
	REVIEWER,
	REVIEWER_2,
	SALES_USER,
	SYSTEM_MANAGER,
	SalesDocumentCase,
	as_user,
	company,
	enabled_customer,
	make_territory,
	make_uscc,
	make_user,
	settings,
	unique_code,
)

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["Bank", "Bank Account", "Company", "Customer", "User", "Workflow State"]

REQUEST = "Customer Change Request"


def new_request(customer: str, user: str = SALES_USER, **proposed):
	with as_user(user):
		return frappe.get_doc(
			{
				"doctype": REQUEST,
				"customer": customer,
				"reason": "客户提供了新的资料",
				"items": [{"fieldname": f, "proposed_value": v} for f, v in proposed.items()],
			}
		).insert()


def act(name: str, action: str, user: str):
	with as_user(user):
		return apply_workflow(frappe.get_doc(REQUEST, name), action)


def make_bank(name: str = "中国银行") -> str:
	if not frappe.db.exists("Bank", name):
		frappe.get_doc({"doctype": "Bank", "bank_name": name}).insert(ignore_permissions=True)
	return name


def bank_account(customer: str, number: str | None = None):
	return frappe.get_doc(
		{
			"doctype": "Bank Account",
			"account_name": f"账户 {unique_code()}",
			"bank": make_bank(),
			"bank_account_no": number or unique_code(12),
			"party_type": "Customer",
			"party": customer,
		}
	)


def outgoing_payment(customer: str, amount: float = 100):
	company_doc = frappe.get_cached_doc("Company", company())
	return frappe.get_doc(
		{
			"doctype": "Payment Entry",
			"payment_type": "Pay",
			"company": company_doc.name,
			"party_type": "Customer",
			"party": customer,
			"paid_from": company_doc.default_cash_account,
			"paid_to": company_doc.default_receivable_account,
			"paid_amount": amount,
			"received_amount": amount,
			"source_exchange_rate": 1,
			"target_exchange_rate": 1,
			"reference_no": "CO-REFUND",
			"reference_date": today(),
		}
	)


class ChangeRequestCase(SalesDocumentCase):
	def setUp(self):
		self.customer = enabled_customer().name
		self.territory = make_territory(f"变更 {unique_code()}")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()


class TestDirectEditsAreRefused(ChangeRequestCase):
	def test_a_form_save_naming_the_fields_and_the_way_out(self):
		with as_user(SALES_USER):
			doc = frappe.get_doc("Customer", self.customer)
			doc.territory = self.territory
			doc.credit_days = 45
			with self.assertRaisesRegex(ChangeRequestError, "Territory.*Credit Days.*Request Change"):
				doc.save()
		self.assertNotEqual(frappe.db.get_value("Customer", self.customer, "territory"), self.territory)

	def test_set_value_and_the_import_path_go_through_the_same_check(self):
		with as_user(SALES_USER), self.assertRaises(ChangeRequestError):
			frappe.client.set_value("Customer", self.customer, "tax_id", make_uscc())

	def test_credit_limits_are_sensitive(self):
		with as_user(SALES_USER):
			doc = frappe.get_doc("Customer", self.customer)
			doc.append("credit_limits", {"company": company(), "credit_limit": 1000})
			self.assertRaisesRegex(ChangeRequestError, "Credit Limits", doc.save)

	def test_other_fields_stay_freely_editable(self):
		with as_user(SALES_USER):
			doc = frappe.get_doc("Customer", self.customer)
			doc.customer_details = "老客户，每月下单"
			doc.customer_category = "VIP"
			doc.save()

	def test_a_system_manager_writes_directly_and_the_write_is_recorded(self):
		with as_user(SYSTEM_MANAGER):
			frappe.client.set_value("Customer", self.customer, "territory", self.territory)
		with as_user(MASTER_MANAGER):
			_columns, rows = history_report({"customer": self.customer})
		row = next(r for r in rows if r["fieldname"] == "territory")
		self.assertEqual(
			(row["new_value"], row["source"], row["requested_by"]),
			(self.territory, "Direct Edit", SYSTEM_MANAGER),
		)

	def test_bank_accounts_cannot_be_added_or_edited_directly(self):
		with as_user(ACCOUNTS_USER), self.assertRaisesRegex(ChangeRequestError, "Bank Accounts"):
			bank_account(self.customer).insert()
		account = bank_account(self.customer)
		account.flags.change_request = "set up by the test"
		account.insert(ignore_permissions=True)
		with as_user(ACCOUNTS_USER):
			account = frappe.get_doc("Bank Account", account.name)
			account.bank_account_no = "6217000000000001"
			self.assertRaises(ChangeRequestError, account.save)
			self.assertRaises(ChangeRequestError, account.delete)

	def test_without_approval_customers_are_edited_as_in_erpnext(self):
		with settings(require_approval=0):
			with as_user(SALES_USER):
				frappe.client.set_value("Customer", self.customer, "territory", self.territory)
			with as_user(ACCOUNTS_USER):
				bank_account(self.customer).insert()


class TestChangeRequests(ChangeRequestCase):
	def test_approval_applies_every_proposed_value_and_records_it(self):
		request = new_request(self.customer, territory=self.territory, credit_days="60")
		rows = {row.fieldname: row for row in request.items}
		self.assertEqual(rows["territory"].current_value, "All Territories")
		self.assertEqual([r.fieldname for r in request.items if r.changed], ["territory", "credit_days"])
		act(request.name, "Submit for Review", SALES_USER)
		self.assertEqual(
			frappe.db.get_value("Customer", self.customer, ["territory", "disabled"]), ("All Territories", 0)
		)
		action = frappe.get_last_doc("Workflow Action", {"reference_name": request.name, "status": "Open"})
		self.assertEqual([r.role for r in action.permitted_roles], ["Customer Onboarding Reviewer"])
		act(request.name, "Approve", REVIEWER)
		customer = frappe.get_doc("Customer", self.customer)
		self.assertEqual(
			(customer.territory, customer.credit_days, customer.last_change_request),
			(self.territory, 60, request.name),
		)
		version = frappe.get_last_doc("Version", {"ref_doctype": "Customer", "docname": self.customer})
		self.assertIn(request.name, version.data)
		with as_user(MASTER_MANAGER):
			_columns, history = history_report({"customer": self.customer})
		self.assertEqual(
			{
				(
					r["fieldname"],
					r["old_value"],
					r["new_value"],
					r["requested_by"],
					r["approved_by"],
					r["change_request"],
				)
				for r in history
			},
			{
				("territory", "All Territories", self.territory, SALES_USER, REVIEWER, request.name),
				("credit_days", "0", "60", SALES_USER, REVIEWER, request.name),
			},
		)

	def test_reject_needs_a_comment(self):
		request = new_request(self.customer, territory=self.territory)
		act(request.name, "Submit for Review", SALES_USER)
		self.assertRaisesRegex(ChangeRequestError, "review comment", act, request.name, "Reject", REVIEWER)
		with as_user(REVIEWER):
			set_change_request_comment(request.name, "新区域不对")
		act(request.name, "Reject", REVIEWER)
		self.assertEqual(frappe.db.get_value(REQUEST, request.name, "workflow_state"), "Rejected")
		self.assertEqual(frappe.db.get_value("Customer", self.customer, "territory"), "All Territories")

	def test_nobody_approves_their_own_request(self):
		request = new_request(self.customer, user=REVIEWER, territory=self.territory)
		act(request.name, "Submit for Review", REVIEWER)
		self.assertRaises(frappe.ValidationError, act, request.name, "Approve", REVIEWER)
		act(request.name, "Approve", REVIEWER_2)

	def test_one_open_request_per_customer(self):
		first = new_request(self.customer, territory=self.territory)
		self.assertRaisesRegex(ChangeRequestError, first.name, new_request, self.customer, credit_days="30")

	def test_a_stale_request_is_refused_until_refreshed(self):
		request = new_request(self.customer, credit_days="90")
		act(request.name, "Submit for Review", SALES_USER)
		with as_user(SYSTEM_MANAGER):
			frappe.client.set_value("Customer", self.customer, "territory", self.territory)
		self.assertRaisesRegex(StaleChangeRequestError, "Territory", act, request.name, "Approve", REVIEWER)
		with as_user(SALES_USER):
			self.assertEqual(refresh_change_request(request.name), ["territory"])
		self.assertIn(self.territory, frappe.db.get_value(REQUEST, request.name, "moved_fields"))
		act(request.name, "Approve", REVIEWER)
		self.assertEqual(
			frappe.db.get_value("Customer", self.customer, ["territory", "credit_days"]), (self.territory, 90)
		)

	def test_proposed_values_meet_the_customer_rules_at_submission(self):
		legacy_tax_id = make_uscc()
		legacy_customer(tax_id=" " + legacy_tax_id.lower())
		fill_match_keys(only_missing=True)
		request = new_request(self.customer, tax_id=legacy_tax_id)
		self.assertRaisesRegex(
			CustomerDataError, "already used", act, request.name, "Submit for Review", SALES_USER
		)
		with as_user(SALES_USER):
			request.reload()
			for row in request.items:
				if row.fieldname == "tax_id":
					row.proposed_value = row.current_value
				if row.fieldname == "customer_group":
					row.proposed_value = "不存在的分组"
			request.save()
		self.assertRaises(frappe.ValidationError, act, request.name, "Submit for Review", SALES_USER)
		self.assertEqual(
			frappe.db.get_value("Customer", self.customer, "customer_group"), "All Customer Groups"
		)

	def scheduled_request(self, **proposed):
		"""A request approved to take effect in three days."""
		request = new_request(self.customer, **proposed)
		with as_user(SALES_USER):
			request.reload()
			request.effective_date = add_days(today(), 3)
			request.save()
		act(request.name, "Submit for Review", SALES_USER)
		act(request.name, "Approve", REVIEWER)
		return request

	def test_a_later_effective_date_is_applied_by_the_scheduler(self):
		request = self.scheduled_request(territory=self.territory)
		self.assertEqual(frappe.db.get_value("Customer", self.customer, "territory"), "All Territories")
		customer = frappe.get_doc("Customer", self.customer)
		customer.run_method("onload")
		self.assertEqual(customer.get_onload().change_request.name, request.name)
		apply_due_change_requests()
		self.assertEqual(frappe.db.get_value("Customer", self.customer, "territory"), "All Territories")
		frappe.db.set_value(REQUEST, request.name, "effective_date", today())
		apply_due_change_requests()
		self.assertEqual(frappe.db.get_value("Customer", self.customer, "territory"), self.territory)
		self.assertTrue(frappe.db.get_value(REQUEST, request.name, "applied_on"))

	def test_a_scheduled_request_is_not_written_over_a_later_change(self):
		request = self.scheduled_request(territory=self.territory, credit_days="45")
		with as_user(SYSTEM_MANAGER):
			frappe.client.set_value("Customer", self.customer, "credit_days", 60)
		frappe.db.set_value(REQUEST, request.name, "effective_date", today())
		apply_due_change_requests()
		self.assertEqual(
			frappe.db.get_value("Customer", self.customer, ["territory", "credit_days"]),
			("All Territories", 60),
		)
		closed = frappe.get_doc(REQUEST, request.name)
		self.assertEqual((closed.workflow_state, bool(closed.applied_on)), ("Rejected", False))
		self.assertIn("Credit Days", closed.review_comment)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": SALES_USER, "document_name": request.name})
		)

	def test_bank_account_changes_go_through_a_request_and_hold_payments_meanwhile(self):
		request = new_request(self.customer)
		with as_user(SALES_USER):
			request.reload()
			request.append(
				"bank_accounts", {"action": "Add", "bank": make_bank(), "bank_account_no": "6217000010000009"}
			)
			request.save()
		act(request.name, "Submit for Review", SALES_USER)
		with as_user(ACCOUNTS_USER):
			self.assertRaisesRegex(PaymentHeldError, request.name, outgoing_payment(self.customer).insert)
			with settings(hold_payments_during_change=0):
				outgoing_payment(self.customer).insert()
		act(request.name, "Approve", REVIEWER)
		self.assertEqual(
			frappe.db.get_value("Bank Account", {"party": self.customer}, "bank_account_no"),
			"6217000010000009",
		)
		with as_user(ACCOUNTS_USER):
			outgoing_payment(self.customer).insert()

	def test_users_who_cannot_edit_the_customer_cannot_request_a_change(self):
		self.assertRaises(
			frappe.PermissionError, new_request, self.customer, ACCOUNTS_USER, territory=self.territory
		)


class TestImportRespectsChangeControl(ChangeRequestCase):
	def test_an_update_of_sensitive_fields_becomes_one_request_for_review(self):
		from customer_onboarding.customer_onboarding.doctype.customer_import.test_customer_import import (
			IMPORTER,
		)
		from customer_onboarding.importing import importer
		from customer_onboarding.tests.import_helpers import customer_row, import_doc, workbook_bytes

		customer = frappe.get_doc("Customer", self.customer)
		row = customer_row(
			name=customer.customer_name,
			tax_id=customer.tax_id,
			territory=self.territory,
			customer_category="VIP",
			registered_address=customer.registered_address,
		)
		with as_user(make_user(IMPORTER, "Customer Master Manager", "Sales User")):
			doc = import_doc(workbook_bytes([row]), update_existing=1)
			summary = importer.validate_import(doc)
			self.assertEqual((summary["problems"], summary["change_requests"]), ([], [2]))
			totals = importer.run_import(doc.name)
		self.assertEqual((totals["change_requested"], totals["updated"], totals["failed"]), (1, 0, 0))
		self.assertEqual(
			frappe.db.get_value("Customer", self.customer, ["territory", "customer_category"]),
			("All Territories", ""),
		)
		request = frappe.get_last_doc(REQUEST, {"customer": self.customer})
		self.assertEqual(
			(request.workflow_state, request.source, request.customer_import),
			("Pending Review", "Import", doc.name),
		)
		self.assertEqual(
			[r.fieldname for r in request.items if r.changed], ["territory", "customer_category", "mobile_no"]
		)
		act(request.name, "Approve", REVIEWER)
		self.assertEqual(
			frappe.db.get_value("Customer", self.customer, ["territory", "customer_category"]),
			(self.territory, "VIP"),
		)
		with as_user(MASTER_MANAGER):
			_columns, history = history_report({"customer": self.customer, "fieldname": "territory"})
		self.assertEqual((history[0]["source"], history[0]["new_value"]), ("Import", self.territory))
