"""A sales user enters a company whose name and address the business registry knows otherwise, and takes the
registry's with one click. The registry is a recorded-response server started by the test."""

import pytest
from playwright.sync_api import expect

from browser_tests.conftest import BASE_URL, records, translated
from browser_tests.desk import choose, control, fill, new_form, save, wait_until_saved
from browser_tests.people import SALES_ZH, new_uscc
from customer_onboarding.tests.registry_server import (
	KEY,
	KEY_HEADER,
	MAPPING,
	TEMPLATE,
	RecordedRegistry,
	code,
)
from customer_onboarding.tests.registry_server import RESPONSES as RECORDED

PROVIDER = "Business Registry Provider"


@pytest.fixture(scope="module")
def uscc():
	return new_uscc()


@pytest.fixture(scope="module")
def registry(api, uscc):
	"""The recorded answer of a renamed company, under a code no customer of the site has."""
	server = RecordedRegistry({uscc: RECORDED[code("renamed")]}).start()
	provider = {
		"provider_name": "Recorded (browser tests)",
		"enabled": 1,
		"is_default": 1,
		"base_url": server.url,
		"request_template": TEMPLATE,
		"auth_header_name": KEY_HEADER,
		"auth_header_value": KEY,
		"response_mapping": MAPPING,
		"timeout_seconds": 2,
	}
	url = f"{BASE_URL}/api/resource/{PROVIDER}"
	if api.get(f"{url}/{provider['provider_name']}").ok:  # a site kept from an earlier run
		api.put(f"{url}/{provider['provider_name']}", json=provider).raise_for_status()
	else:
		api.post(url, json=provider).raise_for_status()
	yield server
	api.put(f"{url}/{provider['provider_name']}", json={"enabled": 0})
	server.stop()


def test_registry_facts_beside_the_form_and_taken_with_one_click(registry, uscc, login, screenshot, api):
	page = login(SALES_ZH)
	details = new_form(page, "customer")
	fill(details, "customer_name", "北京旧名称科技有限公司")
	choose(details, "customer_type", "Company")
	fill(details, "registered_address", "北京市海淀区中关村大街1号")
	fill(details, "tax_id", uscc)
	facts = control(details, "registry_facts")
	expect(facts).to_contain_text("北京新名称科技有限公司")
	expect(facts).to_contain_text(translated("Registered name differs", "zh"))
	expect(facts).to_contain_text(translated("Registered address differs", "zh"))
	facts.scroll_into_view_if_needed()
	screenshot(page, "16-registry-facts")

	facts.get_by_role("button", name=translated("Use Registry Name and Address", "zh")).click()
	expect(facts).to_contain_text(translated("Matches the registry", "zh"))
	expect(control(details, "customer_name").locator("input")).to_have_value("北京新名称科技有限公司")
	save(page)
	name = wait_until_saved(page, "customer")
	saved = records(api, "Customer", [["name", "=", name]], ("registry_provider", "registry_mismatches"))
	assert saved == [{"registry_provider": "Recorded (browser tests)", "registry_mismatches": None}]
	assert registry.calls[uscc] == 1
