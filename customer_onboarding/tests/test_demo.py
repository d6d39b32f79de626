"""The demo data on a site whose setup wizard is done: every state, a change request, a stocktake, an import file,
all made once."""

import io
import os
from contextlib import redirect_stdout

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import check_password

from customer_onboarding import demo
from customer_onboarding.constants import ENABLED, PENDING_REVIEW, RETURNED
from customer_onboarding.stocktake.analysis import RESULT

COUNTED = (
	"User",
	"Customer",
	"Contact",
	"Sales Invoice",
	"Customer Change Request",
	"Customer Stocktake",
	"Customer Import",
	"File",
	"Customer Code Rule",
	"Territory",
	"Customer Group",
	"Workflow Action",
)


def run_demo() -> str:
	output = io.StringIO()
	with redirect_stdout(output):
		demo.make_demo()
	frappe.db.commit()
	return output.getvalue()


def demo_customers(**filters) -> list[frappe._dict]:
	tax_ids = [demo.demo_tax_id(spec) for spec in demo.CUSTOMERS_TO_MAKE]
	return frappe.get_all(
		"Customer",
		{"tax_id": ["in", tax_ids], **filters},
		["name", "workflow_state", "disabled", "account_manager", "review_comment", "customer_code"],
	)


def company() -> str:
	return frappe.defaults.get_global_default("company")


class TestDemo(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.output = run_demo()

	def test_a_customer_in_every_state_with_a_code(self):
		self.assertEqual(set(demo.state_counts()), set(demo.PATHS))
		self.assertTrue(all(demo.state_counts().values()), demo.state_counts())
		self.assertTrue(all(c.customer_code for c in demo_customers()))
		self.assertTrue(all(c.review_comment for c in demo_customers(workflow_state=RETURNED)))
		for customer in demo_customers(workflow_state=ENABLED):
			self.assertEqual((customer.disabled, customer.account_manager), (0, demo.SALES))

	def test_users_log_in_with_the_printed_password(self):
		for email, _name, roles in demo.USERS:
			self.assertEqual(check_password(email, demo.PASSWORD), email)
			self.assertTrue(set(roles) <= set(frappe.get_roles(email)))
			self.assertIn(email, self.output)

	def test_an_open_change_request(self):
		requests = frappe.get_all(
			"Customer Change Request", {"customer": demo.changed_customer()}, ["name", "workflow_state"]
		)
		self.assertEqual([r.workflow_state for r in requests], [PENDING_REVIEW])
		self.assertIn(requests[0].name, self.output)

	def test_a_completed_stocktake_over_the_invoices(self):
		name = demo.demo_stocktake(company())
		self.assertEqual(frappe.db.get_value("Customer Stocktake", name, "status"), "Completed")
		self.assertIn(name, self.output)
		tiers = frappe.get_all(RESULT, {"stocktake": name}, pluck="tier")
		self.assertIn("High value", tiers)
		self.assertIn("Churned", tiers)
		enabled = [c.name for c in demo_customers(workflow_state=ENABLED)]
		self.assertGreater(
			frappe.db.count("Sales Invoice", {"customer": ["in", enabled], "docstatus": 1}), 20
		)

	def test_an_import_file_that_validates(self):
		name = demo.demo_import()
		doc = frappe.get_doc("Customer Import", name)
		self.assertEqual((doc.status, doc.total_rows), ("Validated", demo.IMPORT_ROWS))
		path = demo.import_file_path(name)
		self.assertTrue(os.path.isfile(path))
		self.assertIn(path, self.output)

	def test_a_second_run_creates_nothing(self):
		before = {doctype: frappe.db.count(doctype) for doctype in COUNTED}
		output = run_demo()
		self.assertIn("already", output)
		self.assertEqual({doctype: frappe.db.count(doctype) for doctype in COUNTED}, before)
