"""The dotted paths that the desk's JavaScript and the remote import client call keep answering, wherever the
method's module now lives."""

import re
from pathlib import Path

import frappe
from frappe.tests.utils import FrappeTestCase

import customer_onboarding
from customer_onboarding import api

APP = Path(customer_onboarding.__file__).parent
CALLERS = ("public/**/*.js", "customer_onboarding/**/*.js", "importing/client.py")
PATH = re.compile(r"customer_onboarding\.api\.[a-z_]+")


def called_paths() -> set[str]:
	found = {
		path for pattern in CALLERS for file in APP.glob(pattern) for path in PATH.findall(file.read_text())
	}
	return found | {f"customer_onboarding.api.{name}" for name in api.__all__}


class TestApiPaths(FrappeTestCase):
	def test_every_called_path_is_a_whitelisted_method(self):
		paths = called_paths()
		self.assertGreaterEqual(len(paths), 17)
		for path in sorted(paths):
			with self.subTest(path=path):
				frappe.is_whitelisted(frappe.get_attr(path))

	def test_an_old_path_answers_a_call(self):
		method = frappe.get_attr("customer_onboarding.api.find_duplicates")
		self.assertIsInstance(frappe.call(method, customer_name=frappe.generate_hash()), list)
