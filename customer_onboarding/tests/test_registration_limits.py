"""The registration page's limits over HTTP, against a live bench web server: the visitor's address comes from a
trusted hop only, a flood over many addresses ends, and a form a bot filled in is refused."""

import json

import frappe
import requests
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_to_date, now_datetime

from customer_onboarding.registration.gate import ACCEPT_PATH, REFUSAL
from customer_onboarding.tests.test_import_client import frappe_process, free_port, wait_until_up
from customer_onboarding.tests.test_registration import FORM, REGISTRATION, form_values
from customer_onboarding.tests.utils import SALES_USER, make_standard_users, settings

OUR_LIMIT = "Too many registrations"
FRAPPE_LIMIT = "rate limit"


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
