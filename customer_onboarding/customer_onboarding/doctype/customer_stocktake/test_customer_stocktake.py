"""Customer stocktake on a real site: tiers from a small hand-made invoice history, write-back, permissions."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import now_datetime

from customer_onboarding.api import create_stocktake_follow_ups, run_customer_stocktake
from customer_onboarding.customer_onboarding.report.customer_value_analysis.customer_value_analysis import (
	execute as value_analysis,
)
from customer_onboarding.stocktake.analysis import RESULT
from customer_onboarding.stocktake.run import run_stocktake
from customer_onboarding.tests.utils import (
	ACCOUNT_MANAGER,
	MASTER_MANAGER,
	NO_ROLES,
	as_user,
	company,
	company_values,
	make_standard_users,
	make_territory,
	make_user,
	unique_code,
)

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["Company", "User"]

RESTRICTED = "co-restricted-manager@example.com"


def invoice(customer: str, posting_date: str, amount: float, **values) -> None:
	"""A submitted Sales Invoice row as the stocktake reads it (customer, date, company, amount, return flag)."""
	doc = frappe.new_doc("Sales Invoice")
	doc.update(
		{
			"customer": customer,
			"posting_date": posting_date,
			"company": company(),
			"base_grand_total": amount,
			"grand_total": amount,
			"docstatus": 1,
			"is_return": 0,
			**values,
		}
	)
	doc.name = f"CO-SINV-{unique_code(10)}"
	doc.creation = doc.modified = now_datetime()
	doc.db_insert()


class TestStocktake(FrappeTestCase):
	"""The same history as the unit test of the tier rules, in 2019 so no other invoice falls inside it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		cls.territory = make_territory(f"盘点 {unique_code()}")
		make_user(RESTRICTED, "Sales Manager", "Customer Master Manager")
		frappe.get_doc(
			{
				"doctype": "User Permission",
				"user": RESTRICTED,
				"allow": "Territory",
				"for_value": cls.territory,
			}
		).insert(ignore_permissions=True)
		names = ("BIG", "BIG2", "SLIPPING", "FRESH", "SMALL", "GONE", "QUIET", "NONE")
		cls.customers = {
			key: frappe.get_doc(
				company_values(
					territory=cls.territory if key in ("BIG", "GONE") else "All Territories",
					account_manager=ACCOUNT_MANAGER,
				)
			)
			.insert()
			.name
			for key in names
		}
		c = cls.customers
		for month in range(1, 7):
			invoice(c["BIG"], f"2019-0{month}-25", 3000)
			if month > 1:
				invoice(c["BIG2"], f"2019-0{month}-25", 3000)
		for day in ("2019-01-20", "2019-02-01", "2019-02-10"):
			invoice(c["SLIPPING"], day, 5000)
		invoice(c["FRESH"], "2019-06-01", 10)
		invoice(c["SMALL"], "2019-06-20", 10)
		for key, day in (("BIG", "2018-03-01"), ("BIG2", "2018-03-01"), ("SLIPPING", "2018-05-01")):
			invoice(c[key], day, 100)
		invoice(c["SMALL"], "2018-11-01", 100)
		invoice(c["GONE"], "2018-10-01", 100)
		invoice(c["QUIET"], "2018-12-20", 100)
		invoice(c["NONE"], "2019-03-01", 99999, is_return=1)
		invoice(c["NONE"], "2019-03-02", 99999, docstatus=0)
		frappe.db.commit()

	def new_stocktake(self, user=MASTER_MANAGER):
		with as_user(user):
			return frappe.get_doc(
				{
					"doctype": "Customer Stocktake",
					"company": company(),
					"period_from": "2019-01-01",
					"period_to": "2019-06-30",
					"churn_days": 180,
				}
			).insert()

	def run_as(self, doc, user=MASTER_MANAGER):
		with as_user(user):
			run_stocktake(doc.name)
		return frappe.get_doc("Customer Stocktake", doc.name)

	def results(self, doc) -> dict[str, tuple[str, str]]:
		rows = frappe.get_all(RESULT, {"stocktake": doc.name}, ["customer", "tier", "rfm_score"])
		return {r.customer: (r.tier, r.rfm_score) for r in rows}

	def test_tiers_worked_out_by_hand(self):
		# Buyers in the period, by recency, invoices and amount: BIG 5 d, 6, 18000 -> 555; BIG2 5 d, 5, 15000 ->
		# 544 (ties SLIPPING on amount); SMALL 10 d -> 322; FRESH 29 d -> 222; SLIPPING 140 d, 3, 15000 -> 134.
		# Returns and drafts do not count.
		doc = self.run_as(self.new_stocktake())
		self.assertEqual(doc.status, "Completed")
		found = self.results(doc)
		expected = {
			"BIG": ("High value", "555"),
			"BIG2": ("High value", "544"),
			"SMALL": ("Low value", "322"),
			"FRESH": ("New", "222"),
			"SLIPPING": ("At risk", "134"),
			"GONE": ("Churned", "111"),
			"QUIET": ("Churned", "111"),
			"NONE": ("No purchases", "111"),
		}
		self.assertEqual({key: found[name] for key, name in self.customers.items()}, expected)
		tiers = {row.label: row.customers for row in doc.counts if row.section == "Tier"}
		self.assertGreaterEqual(tiers["High value"], 2)

	def test_write_back_is_not_a_user_edit(self):
		name = self.customers["BIG"]
		before = frappe.db.get_value("Customer", name, ["modified", "modified_by"])
		versions = frappe.db.count("Version", {"ref_doctype": "Customer", "docname": name})
		self.run_as(self.new_stocktake())
		after = frappe.db.get_value(
			"Customer",
			name,
			[
				"modified",
				"modified_by",
				"value_tier",
				"rfm_score",
				"last_purchase_date",
				"last_stocktake_date",
			],
		)
		self.assertEqual(after[:2], before)
		self.assertEqual(after[2:4], ("High value", "555"))
		self.assertEqual((str(after[4]), str(after[5])), ("2019-06-25", "2019-06-30"))
		self.assertEqual(frappe.db.count("Version", {"ref_doctype": "Customer", "docname": name}), versions)

	def test_a_user_analyses_and_sees_only_customers_they_may_read(self):
		mine = {self.customers["BIG"], self.customers["GONE"]}
		others = set(self.customers.values()) - mine
		doc = self.run_as(self.new_stocktake(RESTRICTED), RESTRICTED)
		self.assertTrue(mine <= set(self.results(doc)))
		self.assertFalse(others & set(self.results(doc)))
		with as_user(RESTRICTED):
			_columns, rows, _message, chart = value_analysis({"company": company()})
		shown = {r["name"] for r in rows}
		self.assertTrue(mine <= shown)
		self.assertFalse(others & shown)
		self.assertEqual(sum(chart["data"]["datasets"][0]["values"]), len(rows))

	def test_a_run_keeps_its_company_and_period(self):
		doc = self.run_as(self.new_stocktake())
		with as_user(MASTER_MANAGER):
			doc.period_from = "2019-02-01"
			self.assertRaisesRegex(frappe.ValidationError, "can no longer be changed", doc.save)

	def test_users_without_rights_cannot_run_or_act(self):
		doc = self.new_stocktake()
		with as_user(NO_ROLES):
			self.assertRaises(frappe.PermissionError, run_customer_stocktake, doc.name)
			self.assertRaises(frappe.PermissionError, create_stocktake_follow_ups, doc.name, "At risk")

	def test_follow_ups_once_per_customer_per_run(self):
		doc = self.run_as(self.new_stocktake())
		with as_user(MASTER_MANAGER):
			self.assertGreaterEqual(create_stocktake_follow_ups(doc.name, "High value"), 2)
			self.assertEqual(create_stocktake_follow_ups(doc.name, "High value"), 0)
		for key in ("BIG", "BIG2"):
			todo = frappe.get_last_doc(
				"ToDo", {"reference_name": self.customers[key], "allocated_to": ACCOUNT_MANAGER}
			)
			self.assertIn(doc.name, todo.description)

	def test_runs_are_compared(self):
		self.run_as(self.new_stocktake())
		invoice(self.customers["SMALL"], "2019-06-29", 50000)
		try:
			second = self.run_as(self.new_stocktake())
		finally:
			frappe.db.delete(
				"Sales Invoice", {"customer": self.customers["SMALL"], "posting_date": "2019-06-29"}
			)
			frappe.db.commit()
		self.assertTrue(second.previous_stocktake)
		moves = {row.label: row.customers for row in second.counts if row.section == "Tier Move"}
		self.assertEqual(moves.get("Low value → Potential"), 1)
		self.assertTrue(all(row.previous is not None for row in second.counts if row.section == "Tier"))
