"""A provider's setup is checked on save, and one provider is the default."""

import frappe

from customer_onboarding.customer_onboarding.doctype.business_registry_check.test_business_registry_check import (
	RegistryCase,
)
from customer_onboarding.exceptions import RegistryError
from customer_onboarding.registry.providers import PROVIDER


class TestProviderSetup(RegistryCase):
	def test_a_template_without_the_code_and_a_broken_mapping_are_refused(self):
		self.assertRaises(RegistryError, self.make_provider, "No token", request_template="/v1/companies")
		self.assertRaises(
			RegistryError, self.make_provider, "Bad JSON", response_mapping="{name: result.name}"
		)
		self.assertRaises(
			RegistryError, self.make_provider, "No name", response_mapping='{"status": "result.regStatus"}'
		)

	def test_one_default_provider(self):
		second = self.make_provider("Second")
		self.assertEqual(frappe.get_all(PROVIDER, {"is_default": 1}, pluck="name"), [second.name])
