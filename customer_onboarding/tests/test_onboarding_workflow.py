import frappe
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.api import set_review_comment
from customer_onboarding.exceptions import CustomerDataError, OnboardingStateError
from customer_onboarding.tests.utils import (
	ACCOUNT_MANAGER,
	MASTER_MANAGER,
	NO_ROLES,
	REVIEWER,
	REVIEWER_2,
	SALES_USER,
	as_user,
	enabled_customer,
	make_customer,
	make_standard_users,
	move,
	settings,
)


def state(customer: str) -> tuple[str, int]:
	return tuple(frappe.db.get_value("Customer", customer, ["workflow_state", "disabled"]))


class OnboardingCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def submitted_customer(self, creator: str = SALES_USER, **values) -> str:
		with as_user(creator):
			name = make_customer(account_manager=ACCOUNT_MANAGER, **values).name
		move(name, "Submit for Review", creator)
		return name

	def return_with(self, customer: str, comment: str, reviewer: str = REVIEWER):
		with as_user(reviewer):
			set_review_comment(customer, comment)
		return move(customer, "Return", reviewer)


class TestOnboardingWorkflow(OnboardingCase):
	def test_new_customer_is_a_disabled_draft(self):
		with as_user(SALES_USER):
			customer = make_customer()
		self.assertEqual(state(customer.name), ("Draft", 1))

	def test_review_approve_enable_disable(self):
		customer = self.submitted_customer()
		self.assertEqual(state(customer), ("Pending Review", 1))
		move(customer, "Approve", REVIEWER)
		self.assertEqual(state(customer), ("Approved", 1))
		move(customer, "Enable", MASTER_MANAGER)
		self.assertEqual(state(customer), ("Enabled", 0))
		move(customer, "Disable", MASTER_MANAGER)
		self.assertEqual(state(customer), ("Disabled", 1))
		move(customer, "Enable", MASTER_MANAGER)
		self.assertEqual(state(customer), ("Enabled", 0))

	def test_approval_leaves_who_and_when_on_the_timeline(self):
		customer = self.submitted_customer()
		move(customer, "Approve", REVIEWER)
		comment = frappe.get_last_doc(
			"Comment",
			filters={"reference_doctype": "Customer", "reference_name": customer, "comment_type": "Workflow"},
		)
		self.assertEqual((comment.content, comment.owner), ("Approved", REVIEWER))
		self.assertTrue(comment.creation)

	def test_the_inbox_holds_only_customers_waiting_for_someone_else(self):
		with as_user(SALES_USER):
			draft = make_customer().name
		self.assertFalse(frappe.db.exists("Workflow Action", {"reference_name": draft, "status": "Open"}))
		enabled = enabled_customer().name
		self.assertFalse(frappe.db.exists("Workflow Action", {"reference_name": enabled, "status": "Open"}))

	def test_reviewers_inbox_opens_on_submit_and_closes_when_acted_on(self):
		customer = self.submitted_customer()
		action = frappe.get_last_doc(
			"Workflow Action", filters={"reference_name": customer, "status": "Open"}
		)
		self.assertIn("Customer Onboarding Reviewer", [row.role for row in action.permitted_roles])
		move(customer, "Approve", REVIEWER)
		action.reload()
		self.assertEqual(action.status, "Completed")
		self.assertEqual(action.completed_by, REVIEWER)

	def test_return_needs_a_comment_and_tells_the_creator(self):
		customer = self.submitted_customer()
		self.assertRaises(OnboardingStateError, move, customer, "Return", REVIEWER)
		self.return_with(customer, "营业执照地址与注册地址不一致")
		self.assertEqual(state(customer), ("Returned", 1))
		self.assertEqual(
			frappe.db.get_value("Customer", customer, "review_comment"), "营业执照地址与注册地址不一致"
		)
		self.assertTrue(
			frappe.db.exists("Comment", {"reference_name": customer, "content": ["like", "%营业执照地址%"]})
		)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": SALES_USER, "document_name": customer})
		)

	def test_returned_customer_is_fixed_and_resubmitted(self):
		customer = self.submitted_customer()
		self.return_with(customer, "请补充注册地址")
		with as_user(SALES_USER):
			doc = frappe.get_doc("Customer", customer)
			doc.registered_address = "上海市浦东新区世纪大道100号"
			doc.save()
		move(customer, "Submit for Review", SALES_USER)
		self.assertEqual(state(customer), ("Pending Review", 1))
		self.assertFalse(frappe.db.get_value("Customer", customer, "review_comment"))

	def test_a_reviewer_never_reviews_their_own_customer(self):
		customer = self.submitted_customer(creator=REVIEWER)
		self.assertRaisesRegex(frappe.ValidationError, "Self approval", move, customer, "Approve", REVIEWER)
		with as_user(REVIEWER):
			self.assertRaises(OnboardingStateError, set_review_comment, customer, "自己退回")
			doc = frappe.get_doc("Customer", customer)
			doc.workflow_state = "Approved"
			self.assertRaises(OnboardingStateError, doc.save)
		move(customer, "Approve", REVIEWER_2)
		self.assertEqual(state(customer), ("Approved", 1))

	def test_approve_needs_an_account_manager(self):
		customer = self.submitted_customer()
		frappe.db.set_value("Customer", customer, "account_manager", None)
		self.assertRaisesRegex(OnboardingStateError, "Account Manager", move, customer, "Approve", REVIEWER)

	def test_approve_is_refused_while_the_data_fails_the_checks(self):
		customer = self.submitted_customer()
		with settings(required_fields=[{"customer_type": "Company", "fieldname": "website"}]):
			self.assertRaisesRegex(CustomerDataError, "Website", move, customer, "Approve", REVIEWER)

	def test_each_role_only_takes_its_own_steps(self):
		customer = self.submitted_customer()
		self.assertRaises(WorkflowTransitionError, move, customer, "Approve", SALES_USER)
		self.assertRaises(WorkflowTransitionError, move, customer, "Approve", MASTER_MANAGER)
		move(customer, "Approve", REVIEWER)
		self.assertRaises(WorkflowTransitionError, move, customer, "Enable", REVIEWER)
		self.assertRaises(WorkflowTransitionError, move, customer, "Enable", SALES_USER)
		self.assertRaises(frappe.PermissionError, move, customer, "Enable", NO_ROLES)

	def test_skipping_the_workflow_by_editing_the_state_is_refused(self):
		with as_user(SALES_USER):
			doc = make_customer()
			doc.workflow_state = "Enabled"
			self.assertRaises(WorkflowPermissionError, doc.save)

	def test_disabled_follows_the_state(self):
		with as_user(SALES_USER):
			doc = make_customer()
			doc.disabled = 0
			self.assertRaises(OnboardingStateError, doc.save)

	def test_only_reviewers_comment_on_reviews(self):
		customer = self.submitted_customer()
		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, set_review_comment, customer, "不行")


class TestAccountManagerAssignment(OnboardingCase):
	def open_todos(self, customer: str) -> list[str]:
		return frappe.get_all(
			"ToDo",
			filters={"reference_name": customer, "allocated_to": ACCOUNT_MANAGER, "status": "Open"},
			pluck="description",
		)

	def test_enable_assigns_and_notifies_the_account_manager_once(self):
		customer = enabled_customer().name
		self.assertEqual(len(self.open_todos(customer)), 1)
		self.assertIn("follow up new customer", self.open_todos(customer)[0].lower())
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": ACCOUNT_MANAGER, "document_name": customer})
		)
		move(customer, "Disable", MASTER_MANAGER)
		move(customer, "Enable", MASTER_MANAGER)
		self.assertEqual(len(self.open_todos(customer)), 1)


class TestWithoutApproval(OnboardingCase):
	def test_new_customers_are_enabled_at_once(self):
		with settings(require_approval=0):
			self.assertFalse(frappe.db.get_value("Workflow", "Customer Onboarding", "is_active"))
			with as_user(SALES_USER):
				customer = make_customer()
			self.assertEqual(state(customer.name), ("Enabled", 0))
		self.assertTrue(frappe.db.get_value("Workflow", "Customer Onboarding", "is_active"))
