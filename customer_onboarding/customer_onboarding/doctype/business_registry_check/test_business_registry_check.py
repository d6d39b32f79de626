"""Business registry checks against a real HTTP server on localhost that answers with recorded responses."""

import json
import time

import frappe
from frappe.desk.form.load import getdoc
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, now_datetime

from customer_onboarding.api import (
	check_all_customers_in_registry,
	check_registry,
	request_change_from_registry,
)
from customer_onboarding.exceptions import (
	RegistryCheckRequiredError,
	RegistryError,
	RegistryKeyRefusedError,
	RegistryUnavailableError,
)
from customer_onboarding.importing.importer import run_import
from customer_onboarding.registry.batch import check_all_customers
from customer_onboarding.registry.checks import CHECK
from customer_onboarding.registry.providers import PROVIDER, forget_providers
from customer_onboarding.tests.import_helpers import customer_row, import_doc, workbook_bytes
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.registry_server import (
	KEY,
	KEY_HEADER,
	MAPPING,
	RESPONSES,
	TEMPLATE,
	RecordedRegistry,
	code,
)
from customer_onboarding.tests.utils import (
	ACCOUNT_MANAGER,
	MASTER_MANAGER,
	NO_ROLES,
	REVIEWER,
	SALES_USER,
	SYSTEM_MANAGER,
	as_user,
	enabled_customer,
	make_customer,
	make_standard_users,
	make_uscc,
	move,
	settings,
)

REGISTERED = {"customer_name": "北京示例科技有限公司", "registered_address": "北京市海淀区中关村大街1号"}


def delete_providers() -> None:
	"""Straight from the table, so the providers' cache is told, as their controller tells it."""
	frappe.db.delete(PROVIDER)
	forget_providers()


class RegistryCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		cls.registry = RecordedRegistry().start()

	@classmethod
	def tearDownClass(cls):
		cls.registry.stop()
		super().tearDownClass()

	def setUp(self):
		delete_providers()
		frappe.db.delete(CHECK)
		self.registry.calls.clear()
		self.provider = self.make_provider()

	def tearDown(self):
		frappe.db.rollback()

	def make_provider(self, name="Recorded", key=KEY, **values):
		return frappe.get_doc(
			{
				"doctype": PROVIDER,
				"provider_name": name,
				"enabled": 1,
				"is_default": 1,
				"base_url": self.registry.url,
				"request_template": TEMPLATE,
				"auth_header_name": KEY_HEADER,
				"auth_header_value": key,
				"response_mapping": MAPPING,
				"timeout_seconds": 1,
				"retries": 0,
				"cache_days": 30,
				**values,
			}
		).insert()

	def check(self, label: str, user: str = SALES_USER, **values) -> dict:
		with as_user(user):
			return check_registry(tax_id=code(label), **{**REGISTERED, **values})

	def customer(self, label: str, user: str = SALES_USER, **values):
		"""A new customer of this code whose form ran the check (as the Customer form does) before saving."""
		result = self.check(label, user, **values)
		with as_user(user):
			return make_customer(
				tax_id=code(label),
				registry_check=result["check"],
				account_manager=ACCOUNT_MANAGER,
				**{**REGISTERED, **values},
			)


class TestLookups(RegistryCase):
	def test_an_active_company_matches(self):
		result = self.check("active")
		self.assertEqual((result["found"], result["mismatches"], result["blocking"]), (True, [], False))
		self.assertEqual(result["facts"]["legal_representative"], "王五")
		self.assertEqual(result["facts"]["status"], "存续")
		self.assertEqual(frappe.db.count(CHECK, {"tax_id": code("active")}), 1)

	def test_a_renamed_company_shows_what_differs(self):
		result = self.check("renamed")
		self.assertEqual(result["mismatches"], ["name_differs", "address_differs"])
		self.assertFalse(result["blocking"])
		self.assertEqual(result["facts"]["registered_name"], "北京新名称科技有限公司")

	def test_a_deregistered_company_is_a_blocking_mismatch(self):
		result = self.check("deregistered")
		self.assertEqual((result["mismatches"], result["blocking"]), (["deregistered"], True))

	def test_a_company_the_registry_does_not_know(self):
		result = self.check("not found")
		self.assertEqual(
			(result["found"], result["mismatches"], result["blocking"]), (False, ["not_found"], True)
		)

	def test_an_answer_without_mapped_facts_lists_them_and_invents_nothing(self):
		result = self.check("missing fields")
		self.assertEqual(result["mismatches"], [])
		self.assertIsNone(result["facts"]["status"])
		self.assertEqual(
			result["missing"],
			[
				"status",
				"legal_representative",
				"registered_address",
				"registered_capital",
				"establishment_date",
			],
		)

	def test_messages_are_in_the_users_language(self):
		frappe.local.lang = "zh"
		try:
			self.assertEqual(self.check("renamed")["mismatch_labels"], ["登记名称不一致", "注册地址不一致"])
		finally:
			frappe.local.lang = "en"


class TestFailingProviders(RegistryCase):
	def test_a_provider_that_hangs_past_its_timeout(self):
		started = time.monotonic()
		with self.assertRaises(RegistryUnavailableError) as raised:
			self.check("slow")
		self.assertLess(time.monotonic() - started, 2.5)
		self.assertIn("1", str(raised.exception))
		self.assertEqual(frappe.db.count(CHECK), 0)

	def test_a_failing_provider_is_retried_with_backoff_then_reported(self):
		self.provider.db_set("retries", 2)
		started = time.monotonic()
		self.assertRaises(RegistryUnavailableError, self.check, "failing")
		self.assertEqual(self.registry.calls[code("failing")], 3)
		self.assertGreaterEqual(time.monotonic() - started, 1.5)  # waited 0.5 s, then 1 s

	def test_a_provider_that_recovers_is_answered_by_the_retry(self):
		self.provider.db_set("retries", 1)
		self.assertEqual(self.check("flaky")["mismatches"], [])
		self.assertEqual(self.registry.calls[code("flaky")], 2)

	def test_a_wrong_key_is_reported_and_not_retried(self):
		self.provider.db_set("retries", 2)
		self.provider.auth_header_value = "wrong-key"
		self.provider.save()
		with self.assertRaises(RegistryKeyRefusedError) as raised:
			self.check("active")
		self.assertIn("Recorded", str(raised.exception))
		self.assertEqual(self.registry.calls[code("active")], 1)

	def test_no_provider(self):
		delete_providers()
		self.assertRaises(RegistryError, self.check, "active")


class TestCache(RegistryCase):
	def test_a_code_is_looked_up_once_within_the_cache_lifetime(self):
		first, second = self.check("active"), self.check("active", customer_name="另一个名字")
		self.assertEqual((first["from_cache"], second["from_cache"]), (False, True))
		self.assertEqual(second["mismatches"], ["name_differs"])
		self.assertEqual(self.registry.calls[code("active")], 1)

	def test_an_old_result_is_looked_up_again(self):
		self.check("active")
		frappe.db.set_value(CHECK, {"tax_id": code("active")}, "checked_on", add_days(now_datetime(), -31))
		self.assertFalse(self.check("active")["from_cache"])
		self.assertEqual(self.registry.calls[code("active")], 2)


class TestBatchCheck(RegistryCase):
	"""The batch job commits as it goes, so these tests remove what they made."""

	def setUp(self):
		super().setUp()
		self.made = []

	def legacy(self, tax_id: str, **values) -> str:
		self.made.append(legacy_customer(tax_id=tax_id, **values))
		return self.made[-1]

	def tearDown(self):
		frappe.db.delete("Customer", {"name": ["in", self.made]})
		frappe.db.delete(CHECK)
		delete_providers()
		frappe.db.commit()

	def test_the_batch_check_calls_once_per_code(self):
		"""Legacy customers typed before the rules may share a code; the registry is asked once for it."""
		customers = [self.legacy(code("active"), **REGISTERED) for _ in range(3)]
		totals = check_all_customers()
		self.assertGreaterEqual(totals["checked"], 3)
		self.assertEqual(self.registry.calls[code("active")], 1)
		for customer in customers:
			self.assertEqual(frappe.db.get_value("Customer", customer, "registry_provider"), "Recorded")

	def test_the_batch_check_stops_when_the_provider_is_down(self):
		for _ in range(6):
			self.legacy(make_uscc())
		self.provider.db_set("base_url", "http://127.0.0.1:9")  # nothing listens there
		totals = check_all_customers()
		self.assertEqual((totals["checked"], totals["failed"]), (0, 5))


class TestImportChecks(RegistryCase):
	def tearDown(self):
		frappe.db.delete(CHECK)
		delete_providers()
		frappe.db.commit()

	def test_an_import_checks_its_companies_once_per_code(self):
		codes = [make_uscc(), make_uscc()]
		for uscc in codes:
			self.registry.responses[uscc] = RESPONSES[code("renamed")]
		content = workbook_bytes([customer_row(tax_id=uscc) for uscc in codes])
		run_import(import_doc(content, check_registry=1).name)
		imported = frappe.get_all("Customer", {"tax_id": ["in", codes]}, pluck="registry_mismatches")
		self.assertEqual(imported, ["Registered name differs"] * 2)  # the rows have the registry's address
		run_import(import_doc(content, check_registry=1, update_existing=1).name)
		self.assertEqual([self.registry.calls[uscc] for uscc in codes], [1, 1])


class TestCustomerChecks(RegistryCase):
	def test_a_saved_customer_keeps_its_check_and_mismatches_follow_its_values(self):
		customer = self.customer("renamed")
		self.assertEqual(customer.registry_provider, "Recorded")
		self.assertEqual(customer.registry_mismatches, "Registered name differs\nRegistered address differs")
		with as_user(SALES_USER):
			customer.customer_name, customer.registered_address = (
				"北京新名称科技有限公司",
				"北京市朝阳区建国路88号",
			)
			customer.save()
		self.assertEqual((customer.registry_mismatches, customer.registry_blocking), (None, 0))

	def test_a_check_of_another_code_is_dropped(self):
		customer = self.customer("active")
		with as_user(SALES_USER):
			customer.tax_id = code("renamed")
			customer.save()
		self.assertIsNone(customer.registry_check)

	def test_checking_a_saved_customer_writes_its_fields_without_a_new_modified(self):
		with as_user(SALES_USER):
			customer = make_customer(tax_id=code("deregistered"), **REGISTERED)
		modified = frappe.db.get_value("Customer", customer.name, "modified")
		with as_user(SALES_USER):
			check_registry(customer=customer.name)
		saved = frappe.db.get_value(
			"Customer", customer.name, ["registry_blocking", "modified"], as_dict=True
		)
		self.assertEqual((saved.registry_blocking, saved.modified), (1, modified))

	def test_users_who_may_not_create_or_edit_customers_are_refused(self):
		customer = self.customer("active")
		with as_user(NO_ROLES):
			self.assertRaises(frappe.PermissionError, check_registry, tax_id=code("active"))
			self.assertRaises(frappe.PermissionError, check_registry, customer=customer.name)
		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, check_all_customers_in_registry)

	def test_the_key_never_reaches_the_browser(self):
		customer = self.customer("active")
		with as_user(SYSTEM_MANAGER):
			getdoc(PROVIDER, "Recorded")
			provider_payload = json.dumps(frappe.response.docs, default=str)
		with as_user(SALES_USER):
			getdoc("Customer", customer.name)
			customer_payload = json.dumps(frappe.response.docs, default=str)
			result = json.dumps(check_registry(customer=customer.name), default=str)
		for payload in (provider_payload, customer_payload, result):
			self.assertNotIn(KEY, payload)
		self.assertIn("Recorded", provider_payload)

	def test_a_registry_change_becomes_a_change_request(self):
		with settings(require_approval=1):
			customer = enabled_customer(tax_id=code("renamed"), **REGISTERED)
			with as_user(SALES_USER):
				check_registry(customer=customer.name)
				request = frappe.get_doc(
					"Customer Change Request", request_change_from_registry(customer.name)
				)
		proposed = {row.fieldname: row.proposed_value for row in request.items if row.changed}
		self.assertEqual(
			proposed,
			{"customer_name": "北京新名称科技有限公司", "registered_address": "北京市朝阳区建国路88号"},
		)
		self.assertEqual(request.source, "Registry")


class TestApproval(RegistryCase):
	def submitted(self, label: str, **values) -> str:
		customer = self.customer(label, **values) if label else make_customer(account_manager=ACCOUNT_MANAGER)
		move(customer.name, "Submit for Review", SALES_USER)
		return customer.name

	def test_approval_needs_a_recent_check_without_blocking_mismatch(self):
		with settings(require_approval=1, require_registry_check=1, registry_check_days=30):
			with as_user(SALES_USER):
				unchecked = make_customer(account_manager=ACCOUNT_MANAGER).name
			move(unchecked, "Submit for Review", SALES_USER)
			self.assertRaises(RegistryCheckRequiredError, move, unchecked, "Approve", REVIEWER)

			deregistered = self.submitted("deregistered")
			self.assertRaises(RegistryCheckRequiredError, move, deregistered, "Approve", REVIEWER)

			outdated = self.submitted("active")
			check = frappe.db.get_value("Customer", outdated, "registry_check")
			frappe.db.set_value(CHECK, check, "checked_on", add_days(now_datetime(), -31))
			self.assertRaises(RegistryCheckRequiredError, move, outdated, "Approve", REVIEWER)

			renamed = self.submitted("renamed")
			self.assertEqual(move(renamed, "Approve", REVIEWER).workflow_state, "Approved")

	def test_a_customer_saved_without_its_check_takes_a_fresh_one_and_is_approved_without_a_lookup(self):
		"""As one made over REST, by an import without its registry option, or on the registration page."""
		self.check("renamed")
		with settings(require_approval=1, require_registry_check=1, registry_check_days=30):
			with as_user(SALES_USER):
				customer = make_customer(
					tax_id=code("renamed"), account_manager=ACCOUNT_MANAGER, **REGISTERED
				)
			self.assertEqual(
				customer.registry_mismatches, "Registered name differs\nRegistered address differs"
			)
			move(customer.name, "Submit for Review", SALES_USER)
			self.assertEqual(move(customer.name, "Approve", REVIEWER).workflow_state, "Approved")
		self.assertEqual(self.registry.calls[code("renamed")], 1)

	def test_without_a_fresh_check_the_refusal_names_the_check_registry_button(self):
		self.check("active")
		frappe.db.set_value(CHECK, {"tax_id": code("active")}, "checked_on", add_days(now_datetime(), -31))
		with settings(require_approval=1, require_registry_check=1, registry_check_days=30):
			with as_user(SALES_USER):
				customer = make_customer(tax_id=code("active"), account_manager=ACCOUNT_MANAGER, **REGISTERED)
			self.assertIsNone(customer.registry_check)
			move(customer.name, "Submit for Review", SALES_USER)
			with self.assertRaisesRegex(RegistryCheckRequiredError, "Check Registry"):
				move(customer.name, "Approve", REVIEWER)
		self.assertEqual(self.registry.calls[code("active")], 1)

	def test_without_the_setting_approval_does_not_wait_for_the_registry(self):
		with settings(require_approval=1, require_registry_check=0):
			customer = self.submitted("deregistered")
			self.assertEqual(move(customer, "Approve", REVIEWER).workflow_state, "Approved")


class TestStocktakeCounts(RegistryCase):
	def test_outdated_and_blocking_checks_are_problems(self):
		from customer_onboarding.stocktake.analysis import data_quality, readable_customers

		blocking = self.customer("deregistered").name
		outdated = self.customer("active", customer_name="北京示例科技有限公司二部").name
		fresh = self.customer("renamed").name
		never = legacy_customer(tax_id=" " + make_uscc().lower())  # typed before the app, never checked
		frappe.db.set_value("Customer", outdated, "registry_checked_on", add_days(now_datetime(), -400))
		with as_user(MASTER_MANAGER):
			problems = data_quality(readable_customers())["problems"].to_dict()
		self.assertIn("registry_blocking", problems[blocking].split())
		self.assertIn("registry_outdated", problems[outdated].split())
		self.assertIn("registry_outdated", problems[never].split())
		self.assertNotIn("registry", problems[fresh])
