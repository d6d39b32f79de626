"""One customer's way from Draft to a Sales Order, a follow-up and an approved change, each step by the person
who owns it. The tests run in file order and share the customer."""

import pytest
from playwright.sync_api import Page, expect

from browser_tests.conftest import BASE_URL, records, translated
from browser_tests.desk import (
	choose,
	control,
	dialog,
	fill,
	form,
	indicator,
	link_suggestions,
	new_form,
	open_form,
	pick_link,
	save,
	settled,
	take_action,
	wait_for_document,
	wait_until_saved,
)
from browser_tests.people import MASTER, REVIEWER, SALES_ZH, new_company_name, new_uscc

ZH = "zh"


@pytest.fixture(scope="module")
def journey() -> dict:
	return {"customer_name": new_company_name()}


@pytest.fixture(scope="module")
def sales(login) -> Page:
	return login(SALES_ZH)


@pytest.fixture(scope="module")
def reviewer(login) -> Page:
	return login(REVIEWER)


@pytest.fixture(scope="module")
def master(login) -> Page:
	return login(MASTER)


def customer(api, name: str) -> dict:
	return api.get(f"{BASE_URL}/api/resource/Customer/{name}").json()["data"]


def test_sales_user_submits_a_new_customer_for_review(sales, journey, screenshot):
	details = new_form(sales, "customer")
	fill(details, "customer_name", journey["customer_name"])
	choose(details, "customer_type", "Company")
	fill(details, "tax_id", new_uscc())
	fill(details, "registered_address", "北京市朝阳区建国路88号")
	pick_link(details, "account_manager", SALES_ZH.split("@")[0])
	save(sales)
	journey["name"] = wait_until_saved(sales, "customer")

	take_action(sales, translated("Submit for Review", ZH))
	expect(indicator(sales)).to_have_text(translated("Pending Review", ZH))
	screenshot(sales, "05-submitted-for-review")


def open_from_inbox(reviewer: Page, journey: dict, screenshot=None) -> None:
	"""The reviewer finds the customer in the workflow inbox and opens it from there."""
	reviewer.goto("/app/workflow-action")
	row = reviewer.locator(".list-row-container:visible").filter(has_text=journey["name"]).first
	expect(row).to_be_visible()
	if screenshot:
		screenshot(reviewer, "06-reviewer-inbox")
	row.locator("a.ellipsis").first.click()
	wait_for_document(reviewer, journey["name"])


def test_reviewer_returns_it_from_the_inbox_with_a_comment(reviewer, sales, journey, screenshot):
	open_from_inbox(reviewer, journey, screenshot)
	take_action(reviewer, translated("Return", ZH))
	comment = dialog(reviewer)
	fill(comment, "comment", "请补充营业执照上的注册地址")
	comment.locator(".modal-footer .btn-primary").click()
	expect(indicator(reviewer)).to_have_text(translated("Returned", ZH))

	open_form(sales, "customer", journey["name"])
	expect(sales.locator(".form-message:visible")).to_contain_text("请补充营业执照上的注册地址")
	screenshot(sales, "07-returned-with-comment")


def test_reviewer_approves_after_resubmission(sales, reviewer, journey, screenshot):
	fill(form(sales), "registered_address", "北京市朝阳区建国路88号 SOHO 现代城 A 座")
	save(sales)
	wait_for_document(sales, journey["name"])
	take_action(sales, translated("Submit for Review", ZH))
	expect(indicator(sales)).to_have_text(translated("Pending Review", ZH))

	open_from_inbox(reviewer, journey)
	take_action(reviewer, translated("Approve", ZH))
	expect(indicator(reviewer)).to_have_text(translated("Approved", ZH))
	screenshot(reviewer, "08-approved")


def test_customer_cannot_be_chosen_in_an_order_before_enable(sales, journey):
	field = control(new_form(sales, "sales-order"), "customer").locator("input")
	field.click()
	with sales.expect_response(lambda response: "search_link" in response.url):
		field.fill(journey["customer_name"][:8])
	offered = link_suggestions(form(sales), "customer")
	expect(offered.first).to_be_visible()  # the list shows the answer: "Create a new Customer" at least
	expect(offered.filter(has_text=journey["customer_name"])).to_have_count(0)


def test_master_manager_enables_it(master, journey, screenshot, api):
	open_form(master, "customer", journey["name"])
	take_action(master, translated("Enable", ZH))
	expect(indicator(master)).to_have_text(translated("Enabled", ZH))
	assert customer(api, journey["name"])["disabled"] == 0
	screenshot(master, "09-enabled")


def test_sales_user_orders_for_it(sales, journey, screenshot):
	order = new_form(sales, "sales-order")
	pick_link(order, "customer", journey["customer_name"][:8], journey["customer_name"])
	items = control(order, "items")
	items.locator(".grid-row[data-idx='1'] [data-fieldname='item_code']").first.click()
	pick_link(items, "item_code", "CO-TEST-SERVICE")
	settled(
		sales
	)  # ERPNext fetches the item's details, then applies pricing rules: both set the row's qty and rate
	for fieldname, value in (("qty", "2"), ("rate", "1000")):
		items.locator(f".grid-row[data-idx='1'] [data-fieldname='{fieldname}']").first.click()
		fill(items, fieldname, value)
		settled(sales)
	# The site's date format comes from the setup wizard; ERPNext copies the date to the item rows.
	fill(order, "delivery_date", "12-31-2099")
	save(sales)
	wait_until_saved(sales, "sales-order")
	screenshot(sales, "10-sales-order")


def test_follow_up_from_the_customer(sales, journey, api):
	open_form(sales, "customer", journey["name"])
	sales.locator(".page-head:visible").get_by_role("button", name=translated("Add Follow-up", ZH)).click()
	entry = dialog(sales)
	fill(entry, "summary", "电话回访，客户确认首批订单")
	entry.locator(".modal-footer .btn-primary").click()
	expect(sales.locator(".modal.show")).to_have_count(0)
	follow_ups = records(api, "Customer Follow Up", [["customer", "=", journey["name"]]], ("summary",))
	assert [row["summary"] for row in follow_ups] == ["电话回访，客户确认首批订单"]
	# The form reloads with the new follow-up in its latest follow-ups, on the Customer Onboarding tab.
	history = sales.locator(
		".frappe-control[data-fieldname='follow_up_history']", has_text="电话回访，客户确认首批订单"
	)
	expect(history).to_have_count(1)


def test_change_request_reviewed_side_by_side_and_approved(sales, reviewer, journey, screenshot, api):
	open_form(sales, "customer", journey["name"])
	sales.locator(".page-head:visible").get_by_role("button", name=translated("Request Change", ZH)).click()
	sales.wait_for_url("**/app/customer-change-request/new**")
	items = control(form(sales), "items")
	row = items.locator(".grid-row").filter(has_text=translated("Registered Address", ZH)).first
	expect(row).to_be_visible()
	row.locator("[data-fieldname='proposed_value']").first.click()
	fill(items, "proposed_value", "北京市朝阳区光华路1号")
	fill(form(sales), "reason", "公司搬迁，营业执照已变更")
	save(sales)
	journey["change_request"] = wait_until_saved(sales, "customer-change-request")
	take_action(sales, translated("Submit for Review", ZH))
	expect(indicator(sales)).to_have_text(translated("Pending Review", ZH))

	open_form(reviewer, "customer-change-request", journey["change_request"])
	expect(control(form(reviewer), "items")).to_contain_text("北京市朝阳区光华路1号")
	expect(
		control(form(reviewer), "items").locator(".grid-row").filter(has_text="公司").first
	).to_be_visible()
	screenshot(reviewer, "11-change-request-side-by-side")
	take_action(reviewer, translated("Approve", ZH))
	expect(indicator(reviewer)).to_have_text(translated("Approved", ZH))
	assert customer(api, journey["name"])["registered_address"] == "北京市朝阳区光华路1号"
