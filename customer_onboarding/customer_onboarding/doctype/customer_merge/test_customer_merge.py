"""Merging duplicate customers into one: the values chosen, every link moved, the doubles folded, the record kept."""

import json

import frappe

from customer_onboarding import api
from customer_onboarding.customer_onboarding.doctype.customer_change_request.test_customer_change_request import (
	act,
	bank_account,
	new_request,
)
from customer_onboarding.exceptions import ChangeRequestError
from customer_onboarding.tests.legacy import legacy_contact, legacy_customer
from customer_onboarding.tests.utils import (
	ACCOUNTS_USER,
	MASTER_MANAGER,
	REVIEWER,
	SALES_USER,
	SYSTEM_MANAGER,
	SalesDocumentCase,
	as_user,
	enabled_customer,
	make_customer,
	make_uscc,
	payment_entry,
	sales_doc,
	unique_code,
)

test_ignore = ["Bank", "Bank Account", "Company", "Customer", "User", "Workflow State"]
INVALID_USCC = "91110108000000001X"


def contact(customer: str, email: str, phone: str | None = None) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": f"联系人{unique_code()}",
			"links": [{"link_doctype": "Customer", "link_name": customer}],
			"email_ids": [{"email_id": email}],
			"phone_nos": [{"phone": phone}] if phone else [],
		}
	)
	return doc.insert(ignore_permissions=True).name


def address(customer: str, line1: str) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Address",
			"address_title": f"地址 {unique_code()}",
			"address_type": "Billing",
			"address_line1": line1,
			"city": "北京",
			"country": "China",
			"links": [{"link_doctype": "Customer", "link_name": customer}],
		}
	)
	return doc.insert(ignore_permissions=True).name


def linked(doctype: str, customer: str) -> list[str]:
	return frappe.get_all(
		"Dynamic Link",
		{"parenttype": doctype, "link_doctype": "Customer", "link_name": customer},
		pluck="parent",
	)


def merge(customers, survivor=None, choices=None, user=MASTER_MANAGER) -> str:
	with as_user(user):
		return api.merge_customer_group(customers, survivor, choices)


class TestCustomerMerge(SalesDocumentCase):
	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_conflicting_values_take_the_rules_choice_and_the_users(self):
		with as_user(SALES_USER):
			older = make_customer(website="old.example.cn")
			newer = make_customer(tax_id=make_uscc(), website="", registered_address="上海市浦东新区1号")
		# An invalid code typed before the checks were on.
		frappe.db.set_value("Customer", older.name, "tax_id", INVALID_USCC, update_modified=False)
		with as_user(MASTER_MANAGER):
			found = api.customer_merge_preview([older.name, newer.name])
		chosen = {row["fieldname"]: row["chosen"] for row in found["fields"]}
		self.assertEqual(found["survivor"], newer.name)
		self.assertEqual(
			(chosen["tax_id"], chosen["website"], chosen["registered_address"]),
			(newer.name, older.name, newer.name),
		)
		merge([older.name, newer.name], newer.name, {"customer_name": older.name})
		survivor = frappe.get_doc("Customer", newer.name)
		self.assertFalse(frappe.db.exists("Customer", older.name))
		self.assertEqual(
			(survivor.customer_name, survivor.website, survivor.tax_id),
			(older.customer_name, "old.example.cn", newer.tax_id),
		)

	def test_every_linked_document_follows_and_doubles_fold(self):
		keep, gone = enabled_customer(), enabled_customer()
		email = f"{unique_code()}@example.com".lower()
		contacts = [contact(keep.name, email), contact(gone.name, email.upper(), "+8613800000001")]
		addresses = [address(keep.name, "中关村大街1号"), address(gone.name, "中关村大街 1 号")]
		number = unique_code(12)
		accounts = [bank_account(c.name, number).insert().name for c in (keep, gone)]
		with as_user(SALES_USER):
			order = sales_doc("Sales Order", gone.name).insert().name
		with as_user(ACCOUNTS_USER):
			invoice = sales_doc("Sales Invoice", gone.name).insert().name
			payment = payment_entry(gone.name).insert().name
		name = merge([keep.name, gone.name], keep.name)
		self.assertEqual(frappe.db.get_value("Sales Order", order, "customer"), keep.name)
		self.assertEqual(frappe.db.get_value("Sales Invoice", invoice, "customer"), keep.name)
		self.assertEqual(frappe.db.get_value("Payment Entry", payment, "party"), keep.name)
		self.assertEqual(linked("Contact", keep.name), [contacts[0]])
		self.assertEqual(linked("Address", keep.name), [addresses[0]])
		self.assertEqual(
			frappe.get_all("Bank Account", {"party_type": "Customer", "party": keep.name}, pluck="name"),
			[accounts[0]],
		)
		record = frappe.get_doc("Customer Merge", name)
		self.assertEqual((record.survivor, record.merged_by), (keep.name, MASTER_MANAGER))
		before = {row.customer: json.loads(row.customer_values) for row in record.customers}
		self.assertEqual(before[gone.name]["customer_name"], gone.customer_name)

	def test_match_keys_and_change_history_follow_the_survivor(self):
		keep, gone = enabled_customer(), enabled_customer()
		frappe.db.set_value("Customer", gone.name, "website", "x.cn")
		frappe.get_doc("Customer", gone.name).save()
		merge([keep.name, gone.name], keep.name)
		self.assertFalse(frappe.db.exists("Customer Match Key", {"customer": gone.name}))
		self.assertTrue(frappe.db.exists("Customer Match Key", {"customer": keep.name, "key_type": "tax_id"}))
		self.assertFalse(frappe.db.exists("Customer Change Log", {"customer": gone.name}))

	def test_an_enabled_survivors_sensitive_values_change_through_an_approved_request(self):
		enabled = enabled_customer()
		with as_user(SALES_USER):
			draft = make_customer(website="new.example.cn")
		with as_user(MASTER_MANAGER):
			found = api.customer_merge_preview([draft.name, enabled.name])
		self.assertEqual(found["survivor"], enabled.name)
		chosen = {row["fieldname"]: row["chosen"] for row in found["fields"]}
		self.assertEqual((chosen["customer_name"], chosen["website"]), (enabled.name, draft.name))
		record = frappe.get_doc(
			"Customer Merge", merge([draft.name, enabled.name], None, {"customer_name": draft.name})
		)
		survivor = frappe.get_doc("Customer", enabled.name)
		self.assertEqual(
			(survivor.customer_name, survivor.website), (enabled.customer_name, "new.example.cn")
		)
		self.assertEqual(
			frappe.db.get_value("Customer Change Request", record.change_request, "workflow_state"),
			"Pending Review",
		)
		act(record.change_request, "Approve", REVIEWER)
		self.assertEqual(frappe.db.get_value("Customer", enabled.name, "customer_name"), draft.customer_name)

	def test_an_open_change_request_of_a_merged_customer_stops_the_merge(self):
		keep, gone = enabled_customer(), enabled_customer()
		request = new_request(gone.name, territory="All Territories").name
		self.assertRaisesRegex(ChangeRequestError, request, merge, [keep.name, gone.name], keep.name)
		self.assertTrue(frappe.db.exists("Customer", gone.name))

	def test_the_survivors_open_request_stops_only_a_merge_that_needs_another(self):
		keep, gone = enabled_customer(), enabled_customer()
		new_request(keep.name, territory="All Territories")
		self.assertRaises(ChangeRequestError, merge, [keep.name, gone.name], keep.name, {"tax_id": gone.name})
		merge([keep.name, gone.name], keep.name, {"tax_id": keep.name, "customer_name": keep.name})
		self.assertFalse(frappe.db.exists("Customer", gone.name))

	def test_legacy_rows_written_before_install_merge(self):
		complete = {"registered_address": "北京市朝阳区1号"}
		keep = legacy_customer(tax_id=make_uscc(), **complete)
		gone = legacy_customer(tax_id=make_uscc(), website="legacy.example.cn", **complete)
		legacy_contact(keep, emails=["same@example.com"])
		legacy_contact(gone, emails=["same@example.com"])
		merge([keep, gone], keep, user=SYSTEM_MANAGER)
		self.assertEqual(len(linked("Contact", keep)), 1)
		self.assertEqual(frappe.db.get_value("Customer", keep, "website"), "legacy.example.cn")

	def test_a_legacy_uscc_as_written_wins_over_a_newer_lower_case_copy(self):
		tax_id = make_uscc()
		while tax_id == tax_id.lower():  # a check character that is a letter, so that the copy differs
			tax_id = make_uscc()
		written = legacy_customer(tax_id=tax_id)
		lower = legacy_customer(tax_id=tax_id.lower())
		frappe.db.set_value("Customer", lower, "modified", "2099-01-01 00:00:00", update_modified=False)
		with as_user(MASTER_MANAGER):
			preview = api.customer_merge_preview([written, lower])
		chosen = {f["fieldname"]: f["chosen"] for f in preview["fields"]}
		self.assertEqual((preview["survivor"], chosen["tax_id"]), (lower, written))

	def test_only_master_managers_and_system_managers_merge(self):
		with as_user(SALES_USER):
			a, b = make_customer(), make_customer()
		for method, args in (
			(api.customer_merge_preview, ([a.name, b.name],)),
			(merge, ([a.name, b.name], None, None, SALES_USER)),
		):
			with as_user(SALES_USER), self.subTest(method.__name__):
				self.assertRaises(frappe.PermissionError, method, *args)
		self.assertTrue(frappe.db.exists("Customer", b.name))

	def test_bad_input_is_refused_and_changes_nothing(self):
		with as_user(SALES_USER):
			a, b = make_customer(), make_customer()
		cases = [
			([a.name], None, None, "two or more"),
			([a.name, "NO-SUCH-CUSTOMER"], None, None, "does not exist"),
			([a.name, b.name], "NO-SUCH-CUSTOMER", None, "not one of those merged"),
			([a.name, b.name], None, {"owner": a.name}, "not a field"),
			([a.name, b.name], None, {"website": "NO-SUCH-CUSTOMER"}, "not one of those merged"),
		]
		for customers, survivor, choices, message in cases:
			with self.subTest(message):
				self.assertRaisesRegex(frappe.ValidationError, message, merge, customers, survivor, choices)
		self.assertEqual(frappe.db.count("Customer", {"name": ["in", [a.name, b.name]]}), 2)
