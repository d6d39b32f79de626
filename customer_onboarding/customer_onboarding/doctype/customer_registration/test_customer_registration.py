"""The self-registration page, through the web form's own entry point, as the anonymous visitor (Guest), and its
limits over HTTP against a live bench web server: the visitor's address comes from a trusted hop only, a flood
over many addresses ends, and a form a bot filled in is refused."""

import base64
import json

import frappe
import frappe.client
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_to_date, now_datetime
from frappe.website.doctype.web_form.web_form import accept

from customer_onboarding.exceptions import (
	ArgumentTooLargeError,
	CustomerDataError,
	LicenceFileError,
	RegistrationClosedError,
)
from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.registration.customers import default_node
from customer_onboarding.registration.gate import ACCEPT_PATH, REFUSAL
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.test_import_client import frappe_process, free_port, wait_until_up
from customer_onboarding.tests.utils import (
	SALES_USER,
	as_user,
	make_customer,
	make_mobile,
	make_rule,
	make_standard_users,
	make_uscc,
	settings,
	unique_code,
)

# The tests make the data they need; Frappe's test records of these linked doctypes stay out.
test_ignore = ["Customer"]

FORM = "customer-registration"
REGISTRATION = "Customer Registration"
OUR_LIMIT = "Too many registrations"
FRAPPE_LIMIT = "rate limit"
VISITOR_IP = "203.0.113.7"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def form_values(**values) -> dict:
	return {
		"company_name": f"自助注册测试 {unique_code()}有限公司",
		"customer_type": "Company",
		"tax_id": make_uscc(),
		"registered_address": "上海市浦东新区世纪大道100号",
		"contact_first_name": "小明",
		"contact_last_name": "王",
		"phone": make_mobile(),
		"email": f"{unique_code().lower()}@example.com",
		**values,
	}


def data_url(filename: str, content: bytes, mime: str = "application/pdf") -> str:
	return f"{filename},data:{mime};base64,{base64.b64encode(content).decode()}"


def register(ip: str = VISITOR_IP, **values):
	"""What the page sends when the visitor presses Register."""
	frappe.local.request_ip = ip
	with as_user("Guest"):
		return accept(web_form=FORM, data=json.dumps(form_values(**values)))


def record_counts() -> tuple[int, int, int, int]:
	return tuple(frappe.db.count(doctype) for doctype in ("Customer", "Contact", REGISTRATION, "File"))


class TestRegistration(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		frappe.db.commit()

	def setUp(self):
		self.enterContext(
			settings(registration_owner=SALES_USER, registration_limit_per_hour=3, registration_max_file_mb=1)
		)
		frappe.clear_messages()

	def tearDown(self):
		frappe.local.request_ip = None
		frappe.flags.in_web_form = False
		frappe.db.rollback()

	def assert_refused_without_change(self, error, pattern: str, **values) -> str:
		"""The refusal's message, after checking that nothing was written."""
		before = record_counts()
		with self.assertRaisesRegex(error, pattern):
			register(**values)
		self.assertEqual(record_counts(), before)
		return " ".join(message.message for message in frappe.local.message_log)

	def test_a_registration_is_a_draft_customer_with_its_contact_owned_by_the_sales_user(self):
		prefix = f"R{unique_code(4)}"
		make_rule(f"{prefix}-####", default_node("Territory", "territory"), priority=1000)
		values = form_values()
		registration = register(**values)
		customer = frappe.get_doc("Customer", registration.customer)
		self.assertEqual(
			(customer.customer_name, customer.tax_id), (values["company_name"], values["tax_id"])
		)
		self.assertEqual(
			(customer.workflow_state, customer.disabled, customer.owner), ("Draft", 1, SALES_USER)
		)
		self.assertEqual(customer.name, customer.customer_code)
		self.assertRegex(customer.customer_code, rf"^{prefix}-\d{{4}}$")
		contact = frappe.get_doc("Contact", customer.customer_primary_contact)
		self.assertEqual((contact.first_name, contact.last_name, contact.owner), ("小明", "王", SALES_USER))
		self.assertEqual(
			[(link.link_doctype, link.link_name) for link in contact.links], [("Customer", customer.name)]
		)
		self.assertEqual(contact.mobile_no, values["phone"])
		self.assertEqual(contact.email_id, values["email"])
		self.assertEqual(frappe.db.get_value(REGISTRATION, registration.name, "ip_address"), VISITOR_IP)

	def test_the_sales_user_is_assigned_and_notified_and_the_timeline_says_where_it_came_from(self):
		customer = register().customer
		reference = {"reference_type": "Customer", "reference_name": customer, "allocated_to": SALES_USER}
		self.assertTrue(frappe.db.exists("ToDo", {**reference, "status": "Open"}))
		self.assertIn(SALES_USER, frappe.db.get_value("Customer", customer, "_assign"))
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": SALES_USER, "document_name": customer})
		)
		comments = frappe.get_all(
			"Comment", {"reference_doctype": "Customer", "reference_name": customer}, pluck="content"
		)
		self.assertTrue(
			any("self-registration" in text and VISITOR_IP in text for text in comments), comments
		)

	def test_an_invalid_uscc_is_refused_naming_the_field(self):
		message = self.assert_refused_without_change(
			CustomerDataError, "Unified Social Credit Code", tax_id="123"
		)
		self.assertIn("18 characters", message)

	def test_the_refusal_is_in_chinese_for_a_chinese_visitor(self):
		frappe.local.lang = "zh"
		try:
			self.assert_refused_without_change(CustomerDataError, "统一社会信用代码.*不是有效", tax_id="123")
		finally:
			frappe.local.lang = "en"

	def test_a_tax_id_of_a_legacy_customer_is_refused_without_naming_it(self):
		tax_id = make_uscc()
		legacy = legacy_customer(tax_id=" " + tax_id.lower())
		fill_match_keys(only_missing=True)
		message = self.assert_refused_without_change(CustomerDataError, "already registered", tax_id=tax_id)
		legacy_name = frappe.db.get_value("Customer", legacy, "customer_name")
		self.assertNotIn(legacy, message)
		self.assertNotIn(legacy_name, message)

	def test_a_name_in_use_is_not_revealed(self):
		"""Named by name, ERPNext renames a customer whose name exists and says so; the visitor must not hear it."""
		with settings(use_code_as_name=0):
			existing = make_customer(customer_name=f"已有客户 {unique_code()}有限公司").name
			frappe.clear_messages()
			registration = register(company_name=existing)
		self.assertNotEqual(registration.customer, existing)
		self.assertNotIn(
			existing, json.dumps([m.message for m in frappe.local.message_log], ensure_ascii=False)
		)

	def test_fields_required_for_the_customer_type_are_required(self):
		self.assert_refused_without_change(
			CustomerDataError, "Registered Address.*Company", registered_address=""
		)
		message = self.assert_refused_without_change(frappe.MandatoryError, "phone", phone="")
		self.assertIn("Mobile Number", message)

	def test_an_address_longer_than_any_real_one_is_refused(self):
		self.assert_refused_without_change(
			ArgumentTooLargeError, "Registered Address", registered_address="路" * 10_001
		)

	def test_an_individual_needs_no_tax_id(self):
		registration = register(customer_type="Individual", company_name=f"李雷 {unique_code()}", tax_id="")
		self.assertEqual(
			frappe.db.get_value("Customer", registration.customer, "customer_type"), "Individual"
		)

	def test_an_ip_address_may_register_only_so_many_times_an_hour(self):
		for _ in range(3):
			register()
		self.assert_refused_without_change(frappe.RateLimitExceededError, "Too many registrations")
		self.assertTrue(register(ip="198.51.100.9").customer)

	def test_the_business_licence_is_kept_as_a_private_file_of_the_customer(self):
		registration = register(licence_upload=data_url("营业执照.pdf", PDF))
		file = frappe.get_doc(
			"File", {"attached_to_doctype": "Customer", "attached_to_name": registration.customer}
		)
		self.assertEqual((file.file_name, file.is_private), ("营业执照.pdf", 1))
		with open(file.get_full_path(), "rb") as stored:
			self.assertEqual(stored.read(), PDF)
		self.assertEqual(
			frappe.db.get_value(REGISTRATION, registration.name, ["business_licence", "licence_upload"]),
			(file.file_url, None),
		)
		self.assertTrue(
			frappe.db.exists(
				"File", {"attached_to_doctype": REGISTRATION, "attached_to_name": registration.name}
			)
		)

	def test_an_oversized_licence_is_refused(self):
		big = PDF + b"0" * (1024 * 1024)
		self.assert_refused_without_change(
			LicenceFileError, "larger than 1 MB", licence_upload=data_url("big.pdf", big)
		)

	def test_a_licence_of_another_type_is_refused(self):
		for upload in (data_url("setup.exe", b"MZ\x90\x00\x03"), data_url("notes.pdf", b"not a pdf at all")):
			self.assert_refused_without_change(LicenceFileError, "accepted file types", licence_upload=upload)

	def test_without_an_owner_the_page_takes_no_registrations(self):
		with settings(registration_owner=None):
			self.assert_refused_without_change(RegistrationClosedError, "not open")

	def test_a_guest_reads_no_customer_and_no_registration(self):
		registration = register()
		with as_user("Guest"):
			self.assertRaises(frappe.PermissionError, frappe.client.get, "Customer", registration.customer)
			self.assertRaises(frappe.PermissionError, frappe.client.get, REGISTRATION, registration.name)
			for doctype, name in (("Customer", registration.customer), (REGISTRATION, registration.name)):
				self.assertRaises(
					frappe.PermissionError, frappe.get_doc(doctype, name).check_permission, "read"
				)

	def test_an_existing_registration_cannot_be_changed_through_the_page(self):
		registration = register()
		before = record_counts()
		with self.assertRaisesRegex(frappe.ValidationError, "not allowed to update"):
			register(name=registration.name, company_name="改名")
		self.assertEqual(record_counts(), before)
		self.assertEqual(
			frappe.db.get_value(REGISTRATION, registration.name, "company_name"), registration.company_name
		)


class TestRegistrationLimitsOverHttp(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		frappe.db.commit()
		port = free_port()
		cls.url = f"http://127.0.0.1:{port}"
		cls.server = frappe_process("serve", "--port", str(port), "--noreload")
		wait_until_up(cls.url)

	@classmethod
	def tearDownClass(cls):
		cls.server.terminate()
		cls.server.wait(timeout=30)
		super().tearDownClass()

	def setUp(self):
		self.started = now_datetime()
		self.enterContext(
			settings(
				registration_owner=SALES_USER,
				registration_limit_per_hour=2,
				registration_site_limit_per_hour=registrations_in_the_last_hour() + 50,
				registration_trusted_proxies="",
			)
		)
		frappe.db.commit()

	def tearDown(self):
		frappe.db.commit()
		for name in frappe.get_all(REGISTRATION, {"creation": (">=", self.started)}, pluck="name"):
			customer = frappe.db.get_value(REGISTRATION, name, "customer")
			frappe.delete_doc(REGISTRATION, name, force=True, ignore_permissions=True)
			if customer:
				frappe.delete_doc("Customer", customer, force=True, ignore_permissions=True)
		frappe.db.commit()

	def set_settings(self, **values):
		doc = frappe.get_single("Customer Onboarding Settings")
		doc.update(values)
		doc.save(ignore_permissions=True)
		frappe.db.commit()

	def register(self, forwarded_for: str | None = None, **values) -> requests.Response:
		"""What the page sends when a visitor presses Register, as a proxy passes it on."""
		headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
		return requests.post(
			self.url + ACCEPT_PATH,
			data={"web_form": FORM, "data": json.dumps(page_values(**values))},
			headers=headers,
			timeout=60,
		)

	def refusals(self, reason: str) -> list[str]:
		frappe.db.commit()
		return frappe.get_all(
			REFUSAL,
			{"reason": reason, "creation": (">=", self.started)},
			pluck="ip_address",
			order_by="creation",
		)

	def assert_refused(self, response: requests.Response, limit: str = OUR_LIMIT):
		self.assertEqual(response.status_code, 429, response.text[:500])
		self.assertIn(limit, response.text)

	def test_without_trusted_proxies_forged_headers_reset_neither_limit(self):
		responses = [self.register(forwarded_for=f"198.51.100.{n}") for n in range(1, 13)]
		self.assertEqual([r.status_code for r in responses[:2]], [200, 200], responses[0].text[:500])
		self.assert_refused(responses[2])
		# The web form's own per-minute limit (10, or 5 with the payments app) counts the same address.
		self.assertEqual({r.status_code for r in responses[2:]}, {429})
		self.assert_refused(responses[-1], FRAPPE_LIMIT)
		self.assertEqual(self.registered_addresses(), ["127.0.0.1", "127.0.0.1"])
		self.assertEqual(set(self.refusals("Address limit")), {"127.0.0.1"})

	def test_behind_a_trusted_proxy_the_address_it_appended_counts_not_the_visitors_first_value(self):
		self.set_settings(registration_trusted_proxies="127.0.0.1")
		responses = [self.register(forwarded_for=f"10.9.9.{n}, 203.0.113.50") for n in range(3)]
		self.assertEqual([r.status_code for r in responses[:2]], [200, 200], responses[0].text[:500])
		self.assert_refused(responses[2])
		self.assertEqual(self.registered_addresses(), ["203.0.113.50", "203.0.113.50"])
		self.assertEqual(self.refusals("Address limit"), ["203.0.113.50"])
		self.assertEqual(self.register(forwarded_for="203.0.113.51").status_code, 200)

	def test_the_site_wide_cap_ends_a_flood_from_twenty_addresses(self):
		self.set_settings(
			registration_trusted_proxies="127.0.0.1",
			registration_site_limit_per_hour=registrations_in_the_last_hour() + 5,
		)
		responses = [self.register(forwarded_for=f"192.0.2.{n}") for n in range(1, 21)]
		self.assertEqual([r.status_code for r in responses[:5]], [200] * 5, responses[0].text[:500])
		for response in responses[5:]:
			self.assert_refused(response)
		self.assertEqual(len(self.registered_addresses()), 5)
		self.assertEqual(self.refusals("Site limit"), [f"192.0.2.{n}" for n in range(6, 21)])

	def test_a_form_with_the_honeypot_filled_is_refused_and_changes_nothing(self):
		self.set_settings(registration_trusted_proxies="127.0.0.1")
		customers = frappe.db.count("Customer")
		self.assert_refused(self.register(forwarded_for="192.0.2.200", website="https://cheap-pills.example"))
		self.assertEqual(self.registered_addresses(), [])
		frappe.db.commit()
		self.assertEqual(frappe.db.count("Customer"), customers)
		self.assertEqual(self.refusals("Honeypot"), ["192.0.2.200"])

	def registered_addresses(self) -> list[str]:
		frappe.db.commit()
		return frappe.get_all(
			REGISTRATION, {"creation": (">=", self.started)}, pluck="ip_address", order_by="creation"
		)


def page_values(**values) -> dict:
	"""The page sends its doctype and name inside the data too (the payments app's web form entry point reads
	them)."""
	return {**form_values(**values), "doctype": REGISTRATION, "web_form_name": FORM}


def registrations_in_the_last_hour() -> int:
	return frappe.db.count(REGISTRATION, {"creation": (">", add_to_date(now_datetime(), hours=-1))})
