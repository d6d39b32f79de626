import frappe
from frappe.permissions import add_user_permission
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from customer_onboarding.api import add_follow_up
from customer_onboarding.customer_onboarding.report.follow_up_due.follow_up_due import (
	execute as follow_up_due,
)
from customer_onboarding.exceptions import FollowUpLockedError
from customer_onboarding.follow_ups import create_due_follow_up_todos
from customer_onboarding.tests.utils import (
	ACCOUNT_MANAGER,
	NO_ROLES,
	SALES_USER,
	SYSTEM_MANAGER,
	as_user,
	enabled_customer,
	make_standard_users,
	make_territory,
	unique_code,
)

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["Contact", "Customer", "User"]


class TestFollowUps(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def setUp(self):
		self.territory = make_territory(f"Follow {unique_code()}")
		self.customer = enabled_customer(territory=self.territory).name

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def record(self, user: str, **values):
		with as_user(user):
			add_follow_up(self.customer, values.pop("summary", "电话沟通需求"), **values)
		return frappe.get_doc("Customer", self.customer)

	def latest(self) -> str:
		return frappe.get_all(
			"Customer Follow Up", {"customer": self.customer}, pluck="name", order_by="creation desc", limit=1
		)[0]

	def test_follow_up_is_recorded_by_its_author_and_sets_the_next_date(self):
		doc = self.record(ACCOUNT_MANAGER, channel="WeChat", next_follow_up_date=add_days(today(), 5))
		follow_up = frappe.get_doc("Customer Follow Up", self.latest())
		self.assertEqual((follow_up.recorded_by, follow_up.channel), (ACCOUNT_MANAGER, "WeChat"))
		self.assertEqual(follow_up.customer_name, doc.customer_name)
		self.assertEqual(str(doc.next_follow_up_date), add_days(today(), 5))

	def test_the_author_given_is_ignored(self):
		with as_user(ACCOUNT_MANAGER):
			frappe.get_doc(
				{
					"doctype": "Customer Follow Up",
					"customer": self.customer,
					"follow_up_on": frappe.utils.now_datetime(),
					"summary": "冒名记录",
					"recorded_by": SALES_USER,
				}
			).insert()
		self.assertEqual(
			frappe.db.get_value("Customer Follow Up", self.latest(), "recorded_by"), ACCOUNT_MANAGER
		)

	def test_the_form_shows_the_latest_follow_ups(self):
		self.record(ACCOUNT_MANAGER, summary="第一次")
		self.record(ACCOUNT_MANAGER, summary="第二次")
		with as_user(SALES_USER):
			doc = frappe.get_doc("Customer", self.customer)
			doc.run_method("onload")
			self.assertEqual([row.summary for row in doc.get_onload().follow_ups], ["第二次", "第一次"])

	def test_a_customers_save_keeps_its_follow_ups_and_next_date(self):
		self.record(ACCOUNT_MANAGER, next_follow_up_date=add_days(today(), 6))
		with as_user(ACCOUNT_MANAGER):
			doc = frappe.get_doc("Customer", self.customer)
			doc.customer_details = "保存客户不影响跟进记录"
			doc.save()
		self.assertEqual(
			str(frappe.db.get_value("Customer", self.customer, "next_follow_up_date")), add_days(today(), 6)
		)
		self.assertEqual(frappe.db.count("Customer Follow Up", {"customer": self.customer}), 1)

	def test_next_date_is_the_earliest_open_one(self):
		self.record(ACCOUNT_MANAGER, next_follow_up_date=add_days(today(), 9))
		doc = self.record(ACCOUNT_MANAGER, next_follow_up_date=add_days(today(), 3))
		self.assertEqual(str(doc.next_follow_up_date), add_days(today(), 3))

	def test_summary_is_required(self):
		with as_user(ACCOUNT_MANAGER):
			self.assertRaises(frappe.MandatoryError, add_follow_up, self.customer, "")

	def test_only_the_author_or_a_system_manager_changes_a_saved_follow_up(self):
		self.record(ACCOUNT_MANAGER, summary="拜访客户", next_follow_up_date=add_days(today(), 2))
		name = self.latest()
		with as_user(SALES_USER):
			doc = frappe.get_doc("Customer Follow Up", name)
			doc.summary = "改写别人的记录"
			self.assertRaises(FollowUpLockedError, doc.save)
			self.assertRaises(FollowUpLockedError, frappe.delete_doc, "Customer Follow Up", name)
		self.assertEqual(frappe.db.get_value("Customer Follow Up", name, "summary"), "拜访客户")
		with as_user(ACCOUNT_MANAGER):
			doc = frappe.get_doc("Customer Follow Up", name)
			doc.result = "客户有意向"
			doc.save()
		with as_user(SYSTEM_MANAGER):
			frappe.delete_doc("Customer Follow Up", name)
		self.assertIsNone(frappe.db.get_value("Customer", self.customer, "next_follow_up_date"))

	def test_a_sales_user_kept_to_other_customers_cannot_record_on_this_one(self):
		other = enabled_customer(territory=self.territory).name
		add_user_permission("Customer", other, SALES_USER)
		self.addCleanup(frappe.cache.hdel, "user_permissions", SALES_USER)
		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, add_follow_up, self.customer, "不是我的客户")
		self.assertFalse(frappe.db.exists("Customer Follow Up", {"customer": self.customer}))

	def test_a_user_without_roles_cannot_record(self):
		with as_user(NO_ROLES):
			self.assertRaises(frappe.PermissionError, add_follow_up, self.customer, "无权限")

	def test_daily_job_creates_one_todo_per_due_date(self):
		self.record(
			ACCOUNT_MANAGER,
			follow_up_on=add_days(today(), -3) + " 10:00:00",
			next_follow_up_date=add_days(today(), -1),
		)
		create_due_follow_up_todos()
		create_due_follow_up_todos()
		todos = frappe.get_all(
			"ToDo",
			filters={
				"reference_name": self.customer,
				"allocated_to": ACCOUNT_MANAGER,
				"date": add_days(today(), -1),
			},
		)
		self.assertEqual(len(todos), 1)

	def test_customers_without_a_follow_up_date_are_not_due(self):
		frappe.db.set_value("Customer", self.customer, "next_follow_up_date", None)
		create_due_follow_up_todos()
		self.assertFalse(
			frappe.db.exists(
				"ToDo",
				{"reference_name": self.customer, "allocated_to": ACCOUNT_MANAGER, "date": ["is", "not set"]},
			)
		)

	def test_report_lists_due_customers_by_manager_and_territory(self):
		self.record(
			ACCOUNT_MANAGER,
			follow_up_on=add_days(today(), -3) + " 10:00:00",
			next_follow_up_date=add_days(today(), -2),
		)
		with as_user(SALES_USER):
			_, rows = follow_up_due({"account_manager": ACCOUNT_MANAGER, "territory": self.territory})
			self.assertEqual([(r["customer"], r["days_overdue"]) for r in rows], [(self.customer, 2)])
			_, rows = follow_up_due({"account_manager": SALES_USER, "territory": self.territory})
			self.assertEqual(rows, [])

	def test_a_user_without_roles_cannot_run_the_report(self):
		from frappe.desk.query_report import run

		with as_user(NO_ROLES):
			self.assertRaises(frappe.PermissionError, run, "Follow-up Due", {})
