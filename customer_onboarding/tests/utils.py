"""Factories for integration tests: each builds exactly the records a test needs."""

import random
import string
from contextlib import contextmanager

import frappe
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.core.tax_id import uscc_check_character
from customer_onboarding.settings import SETTINGS

SALES_USER = "co-sales@example.com"
SALES_MANAGER = "co-sales-manager@example.com"
SYSTEM_MANAGER = "co-system-manager@example.com"
NO_ROLES = "co-no-roles@example.com"
REVIEWER = "co-reviewer@example.com"
REVIEWER_2 = "co-reviewer-2@example.com"
MASTER_MANAGER = "co-master@example.com"
ACCOUNT_MANAGER = "co-account-manager@example.com"
CREDIT_CONTROLLER = "co-credit@example.com"
ACCOUNTS_USER = "co-accounts@example.com"
STOCK_USER = "co-stock@example.com"


def unique_code(length: int = 6) -> str:
	return "".join(random.choices(string.ascii_uppercase, k=length))


def make_uscc(number: int | None = None) -> str:
	body = f"91110108{(number if number is not None else random.randrange(10**9)):09d}"
	return body + uscc_check_character(body)


def make_mobile() -> str:
	return f"+86138{random.randrange(10**8):08d}"


def make_user(email: str, *roles: str) -> str:
	if not frappe.db.exists("User", email):
		user = frappe.new_doc("User")
		user.update({"email": email, "first_name": email.split("@")[0], "send_welcome_email": 0})
		user.insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.add_roles(*roles)
	return email


def make_standard_users() -> None:
	make_user(SALES_USER, "Sales User")
	make_user(SALES_MANAGER, "Sales User", "Sales Manager")
	make_user(SYSTEM_MANAGER, "System Manager", "Sales User", "Sales Master Manager")
	make_user(NO_ROLES)
	make_user(REVIEWER, "Customer Onboarding Reviewer", "Sales User")
	make_user(REVIEWER_2, "Customer Onboarding Reviewer")
	make_user(MASTER_MANAGER, "Customer Master Manager")
	make_user(ACCOUNT_MANAGER, "Sales User")
	make_user(CREDIT_CONTROLLER, "Credit Controller", "Sales User", "Accounts User")
	make_user(ACCOUNTS_USER, "Accounts User")
	make_user(STOCK_USER, "Stock User")


def make_tree_node(doctype: str, name: str, code: str | None = None, parent: str | None = None) -> str:
	is_territory = doctype == "Territory"
	name_field, parent_field, code_field = (
		("territory_name", "parent_territory", "territory_code")
		if is_territory
		else ("customer_group_name", "parent_customer_group", "group_code")
	)
	root = "All Territories" if is_territory else "All Customer Groups"
	doc = frappe.get_doc(
		{"doctype": doctype, name_field: name, parent_field: parent or root, code_field: code, "is_group": 1}
	)
	return doc.insert(ignore_permissions=True).name


def make_territory(name: str, code: str | None = None, parent: str | None = None) -> str:
	return make_tree_node("Territory", name, code, parent)


def make_group(name: str, code: str | None = None, parent: str | None = None) -> str:
	return make_tree_node("Customer Group", name, code, parent)


def make_rule(pattern: str, territory=None, customer_group=None, priority=0, enabled=1) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Customer Code Rule",
				"rule_name": f"Rule {unique_code(8)}",
				"pattern": pattern,
				"for_territory": territory,
				"for_customer_group": customer_group,
				"priority": priority,
				"enabled": enabled,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def company_values(**values) -> dict:
	return {
		"doctype": "Customer",
		"customer_name": f"测试公司 {unique_code()}有限公司",
		"customer_type": "Company",
		"customer_group": "All Customer Groups",
		"territory": "All Territories",
		"tax_id": make_uscc(),
		"registered_address": "北京市海淀区中关村大街1号",
		**values,
	}


def individual_values(**values) -> dict:
	return {
		"doctype": "Customer",
		"customer_name": f"张三 {unique_code()}",
		"customer_type": "Individual",
		"customer_group": "All Customer Groups",
		"territory": "All Territories",
		"mobile_no": make_mobile(),
		**values,
	}


def make_customer(**values):
	return frappe.get_doc(company_values(**values)).insert()


@contextmanager
def settings(**values):
	"""Change the onboarding settings for the duration of a block."""
	doc = frappe.get_single(SETTINGS)
	saved = {key: doc.get(key) for key in values}
	doc.update(values)
	doc.save(ignore_permissions=True)
	try:
		yield doc
	finally:
		doc = frappe.get_single(SETTINGS)
		doc.update(saved)
		doc.save(ignore_permissions=True)


@contextmanager
def as_user(user: str):
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user(previous)


def move(customer: str, action: str, user: str):
	"""Apply a workflow action as `user`, the way the form's action menu and the inbox do."""
	from frappe.model.workflow import apply_workflow

	with as_user(user):
		return apply_workflow(frappe.get_doc("Customer", customer), action)


def enabled_customer(**values):
	"""A customer taken through the whole onboarding by the people who own each step."""
	with as_user(SALES_USER):
		customer = make_customer(account_manager=ACCOUNT_MANAGER, **values)
	move(customer.name, "Submit for Review", SALES_USER)
	move(customer.name, "Approve", REVIEWER)
	return move(customer.name, "Enable", MASTER_MANAGER)


def company() -> str:
	return (
		frappe.db.get_single_value("Global Defaults", "default_company")
		or frappe.get_all("Company", pluck="name")[0]
	)


def make_item(code: str = "CO-TEST-SERVICE") -> str:
	if not frappe.db.exists("Item", code):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": code,
				"item_group": "All Item Groups",
				"stock_uom": "Nos",
				"is_stock_item": 0,
			}
		).insert(ignore_permissions=True)
	return code


def sales_doc(doctype: str, customer: str, rate: float = 100, **values):
	"""An unsaved Quotation, Sales Order, Delivery Note or Sales Invoice for one service item."""
	party = (
		{"quotation_to": "Customer", "party_name": customer}
		if doctype == "Quotation"
		else {"customer": customer}
	)
	doc = frappe.get_doc(
		{
			"doctype": doctype,
			"company": company(),
			**party,
			"delivery_date": frappe.utils.add_days(frappe.utils.today(), 7),
			"items": [
				{
					"item_code": make_item(),
					"qty": 1,
					"rate": rate,
					"delivery_date": frappe.utils.add_days(frappe.utils.today(), 7),
				}
			],
			**values,
		}
	)
	return doc


def payment_entry(customer: str, amount: float = 100):
	company_doc = frappe.get_cached_doc("Company", company())
	return frappe.get_doc(
		{
			"doctype": "Payment Entry",
			"payment_type": "Receive",
			"company": company_doc.name,
			"party_type": "Customer",
			"party": customer,
			"paid_from": company_doc.default_receivable_account,
			"paid_to": company_doc.default_cash_account,
			"paid_amount": amount,
			"received_amount": amount,
			"source_exchange_rate": 1,
			"target_exchange_rate": 1,
			"reference_no": "CO-TEST",
			"reference_date": frappe.utils.today(),
		}
	)


class StandardUsersCase(FrappeTestCase):
	"""The standard test users; every test's writes are rolled back."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def tearDown(self):
		frappe.db.rollback()


class SalesDocumentCase(FrappeTestCase):
	"""Standard users and an item, committed, for tests that make sales documents."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		make_item()
		frappe.db.commit()
