"""The list's + Add Customer quick entry asks for exactly what the required-field matrix asks of the type."""

from playwright.sync_api import expect

from browser_tests.conftest import records
from browser_tests.desk import answered, choose, control, dialog, fill, message
from browser_tests.people import SALES_ZH, new_company_name, new_uscc

COMPANY_FIELDS = ("tax_id", "registered_address", "customer_group", "territory")


def required_mark(scope, fieldname):
	return control(scope, fieldname).locator(".control-label.reqd")


def save_entry(entry):
	with answered(entry.page, "frappe.client.save"):
		entry.locator(".modal-footer .btn-primary").click()


def test_quick_entry_asks_what_the_type_requires(login, screenshot, api):
	page = login(SALES_ZH)
	page.goto("/app/customer")
	page.locator(".page-head:visible .primary-action").click()
	entry = dialog(page)
	choose(entry, "customer_type", "Company")
	for fieldname in COMPANY_FIELDS:
		expect(required_mark(entry, fieldname)).to_be_visible()
	expect(required_mark(entry, "mobile_number")).to_have_count(0)

	choose(entry, "customer_type", "Individual")
	expect(control(entry, "tax_id")).to_have_count(0)
	expect(control(entry, "registered_address")).to_have_count(0)
	expect(required_mark(entry, "mobile_number")).to_be_visible()

	choose(entry, "customer_type", "Company")
	name = new_company_name()
	fill(entry, "customer_name", name)
	fill(entry, "tax_id", "91110108ABCDEFGHIJ")
	fill(entry, "registered_address", "上海市浦东新区世纪大道100号")
	screenshot(page, "04-quick-entry-company")
	save_entry(entry)
	error = message(page)
	expect(error).to_contain_text("不是有效的统一社会信用代码")
	error.locator("[data-customer-field=tax_id]").click()
	expect(control(entry, "tax_id").locator("input")).to_be_focused()

	fill(entry, "tax_id", new_uscc())
	save_entry(entry)
	expect(page.locator(".modal.show")).to_have_count(0)
	found = records(api, "Customer", [["customer_name", "=", name]], ("workflow_state", "owner"))
	assert found == [{"workflow_state": "Draft", "owner": SALES_ZH}]
