"""A prospective customer registers on the public page, in Chinese and in English, without logging in."""

import pytest
from playwright.sync_api import expect

from browser_tests.conftest import BASE_URL, records
from browser_tests.desk import answered, choose, control, fill
from browser_tests.people import SALES_ZH, new_company_name, new_uscc

PAGE_TEXT = {
	"zh": {"title": "客户注册", "tax_id_error": "不是有效的统一社会信用代码", "received": "已收到"},
	"en": {
		"title": "Customer Registration",
		"tax_id_error": "is not a Unified Social",
		"received": "received",
	},
}
LOCALES = {"zh": "zh-CN", "en": "en-US"}
# The smallest file that starts like a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def visitor(new_page, request):
	page = new_page(locale=LOCALES[request.param], viewport={"width": 1200, "height": 1100})
	yield request.param, page
	page.context.close()


def submit(page) -> None:
	with answered(page, "frappe.website.doctype.web_form.web_form.accept"):
		page.locator(".web-form-footer .submit-btn, .web-form .submit-btn").first.click()


@pytest.mark.parametrize("visitor", ["zh", "en"], indirect=True)
def test_a_company_registers_itself(visitor, screenshot, api, tmp_path):
	language, page = visitor
	text = PAGE_TEXT[language]
	page.goto("/customer-registration")
	expect(page.get_by_role("heading", level=1)).to_contain_text(text["title"])
	name = new_company_name()
	fill(page, "company_name", name)
	choose(page, "customer_type", "Company")
	expect(control(page, "tax_id").locator(".control-label.reqd")).to_be_visible()
	fill(page, "tax_id", "91110108ABCDEFGHIJ")
	fill(page, "registered_address", "杭州市西湖区文三路90号")
	fill(page, "contact_first_name", "李雷")
	fill(page, "phone", "13912345678")
	fill(page, "email", "lilei@example.com")
	submit(page)
	expect(page.locator(".modal.show")).to_contain_text(text["tax_id_error"])
	screenshot(page, f"13-registration-error-{language}")
	page.locator(".modal.show [data-customer-field=tax_id]").click()
	expect(control(page, "tax_id").locator("input")).to_be_focused()

	fill(page, "tax_id", new_uscc())
	licence = tmp_path / "licence.pdf"
	licence.write_bytes(PDF)
	control(page, "licence_upload").locator("button.btn-attach").click()
	uploader = page.locator(".modal.show .modal-dialog").last
	expect(uploader.locator(".modal-footer .btn-secondary")).to_be_hidden()  # the licence is always private
	uploader.locator("input[type=file]").set_input_files(str(licence))
	uploader.locator(".modal-footer .btn-primary").click()
	expect(control(page, "licence_upload")).to_contain_text("licence.pdf")
	screenshot(page, f"14-registration-filled-{language}")
	submit(page)
	expect(page.locator(".success-page")).to_be_visible()
	expect(page.locator(".success-page")).to_contain_text(text["received"])
	screenshot(page, f"15-registration-received-{language}")

	customers = records(api, "Customer", [["customer_name", "=", name]], ("name", "owner", "workflow_state"))
	assert [(c["owner"], c["workflow_state"]) for c in customers] == [(SALES_ZH, "Draft")]
	customer = customers[0]["name"]
	assert records(api, "File", [["attached_to_name", "=", customer]], ("is_private",)) == [{"is_private": 1}]
	assert (
		len(records(api, "ToDo", [["reference_name", "=", customer], ["allocated_to", "=", SALES_ZH]])) == 1
	)
