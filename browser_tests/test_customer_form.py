"""A sales user creates a company customer in the full form, in Chinese and in English."""

import pytest
from playwright.sync_api import expect

from browser_tests.conftest import translated
from browser_tests.desk import (
	choose,
	close_message,
	control,
	fill,
	form,
	indicator,
	message,
	new_form,
	save,
	wait_until_saved,
)
from browser_tests.people import EXISTING_CUSTOMER, SALES_USERS, new_company_name, new_uscc

REQUIRED_FOR_COMPANY = ("tax_id", "registered_address", "customer_group", "territory")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_company_customer_through_the_form(login, screenshot, api, language):
	page = login(SALES_USERS[language])
	details = new_form(page, "customer")
	fill(details, "customer_name", new_company_name())
	choose(details, "customer_type", "Company")

	# The fields the matrix asks for are on Details, beside the name, with the required mark.
	for fieldname in REQUIRED_FOR_COMPANY:
		expect(control(details, fieldname).locator(".control-label.reqd")).to_be_visible()
	choose(details, "customer_type", "Individual")
	expect(control(details, "mobile_no").locator(".control-label.reqd")).to_be_visible()
	expect(control(details, "tax_id").locator(".control-label.reqd")).to_have_count(0)
	choose(details, "customer_type", "Company")

	fill(details, "tax_id", "91110108ABCDEFGHIJ")
	fill(details, "registered_address", "北京市海淀区中关村大街1号")
	save(page)
	error = message(page)
	expect(error).to_contain_text(translated("Tax ID", language))
	expect(error).to_contain_text(
		"不是有效的统一社会信用代码" if language == "zh" else "is not a Unified Social"
	)
	screenshot(page, f"01-form-tax-id-error-{language}")

	# A click on the error line takes the user to the field.
	error.locator("[data-customer-field=tax_id]").click()
	expect(page.locator(".modal.show")).to_have_count(0)
	expect(control(details, "tax_id").locator("input")).to_be_focused()

	fill(details, "tax_id", new_uscc())
	save(page)
	name = wait_until_saved(page, "customer")
	customer = api.get(f"{page.url.split('/app')[0]}/api/resource/Customer/{name}").json()["data"]
	assert customer["customer_code"] == name
	expect(page.locator(".page-head:visible")).to_contain_text(customer["customer_name"])
	expect(indicator(page)).to_have_text(translated("Draft", language))

	page.locator(".form-tabs-list:visible").get_by_text(translated("Customer Onboarding", language)).click()
	expect(control(form(page), "customer_code")).to_contain_text(name)
	expect(control(form(page), "workflow_state")).to_contain_text(translated("Draft", language))
	page.evaluate("window.scrollTo(0, 0)")
	screenshot(page, f"02-form-saved-with-code-{language}")


def test_similar_name_warning(login, screenshot):
	page = login(SALES_USERS["zh"])
	fill(new_form(page, "customer"), "customer_name", EXISTING_CUSTOMER.replace("有限公司", "股份有限公司"))
	warning = message(page)
	expect(warning).to_contain_text(translated("These customers look like the one you are entering:", "zh"))
	expect(warning.locator("a")).to_contain_text(EXISTING_CUSTOMER)
	screenshot(page, "03-similar-name-warning")
	close_message(page)
