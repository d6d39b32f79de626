"""A Customer Master Manager cleans customers brought over from a legacy ERP: merges a pair from the Duplicate
Customers report, bulk-merges the rest that share a tax ID, then gives them codes by the rule. The customers are
the legacy rows customer_onboarding.tests.browser_site writes on every run, in a territory of their own."""

import time

import pytest
from playwright.sync_api import Page, expect

from browser_tests.conftest import TIMEOUT, records, translated
from browser_tests.desk import (
	choose,
	close_message,
	control,
	dialog,
	form,
	message,
	new_form,
	pick_link,
	save,
	wait_for_document,
	wait_until_saved,
)
from browser_tests.people import MASTER

ZH = "zh"
LEGACY_TERRITORY = "华南"
LEGACY_FIELDS = ("name", "customer_name", "tax_id", "customer_code", "legacy_code")


@pytest.fixture(scope="module")
def master(login) -> Page:
	return login(MASTER)


def legacy_customers(api) -> list[dict]:
	"""This run's legacy customers that have no legacy code yet, oldest first."""
	filters = [["territory", "=", LEGACY_TERRITORY], ["legacy_code", "is", "not set"]]
	return records(api, "Customer", filters, LEGACY_FIELDS)


def pairs(api) -> dict[str, list[str]]:
	"""The customers sharing a name, by that name: the pairs written to be merged."""
	shared: dict[str, list[str]] = {}
	for row in legacy_customers(api):
		shared.setdefault(row["customer_name"], []).append(row["name"])
	return {name: customers for name, customers in shared.items() if len(customers) > 1}


@pytest.fixture(scope="module")
def walkthrough(api) -> dict:
	first, second = sorted(pairs(api).items())[-2:]
	return {"report_pair": first, "bulk_pair": second}


def test_merge_a_pair_from_the_duplicates_report(master, walkthrough, screenshot, api):
	company_name, customers = walkthrough["report_pair"]
	master.goto("/app/query-report/Duplicate Customers")
	row = master.locator(".dt-row").filter(has_text=company_name).first
	row.locator("input[type=checkbox]").check()
	master.locator(".page-head:visible").get_by_role("button", name=translated("Merge", ZH)).click()
	preview = dialog(master)
	expect(preview).to_contain_text(translated("Merge Customers", ZH))
	for name in customers:
		expect(preview.locator("thead")).to_contain_text(name)
	screenshot(master, "17-merge-preview")
	preview.locator(".modal-footer .btn-primary").click()
	expect(master.locator(".modal.show")).to_have_count(0)
	left = [row["name"] for row in records(api, "Customer", [["name", "in", customers]])]
	assert len(left) == 1
	merges = records(api, "Customer Merge", [["survivor", "=", left[0]]], ("name", "survivor"))
	assert len(merges) == 1


def test_bulk_merge_lists_its_groups_then_merges_them(master, walkthrough, screenshot, api):
	_name, customers = walkthrough["bulk_pair"]
	new_form(master, "customer-bulk-merge")
	choose(master, "match_key", "Tax ID")
	save(master)
	name = wait_until_saved(master, "customer-bulk-merge")
	shots = ("18-bulk-merge-dry-run", "19-bulk-merge-completed")
	dry_run_then_start(master, "Customer Bulk Merge", name, customers, api, screenshot, shots)
	assert len(records(api, "Customer", [["name", "in", customers]])) == 1


def test_recode_gives_the_territory_codes_by_the_rule(master, screenshot, api):
	before = {row["name"]: row["customer_code"] for row in legacy_customers(api)}
	assert not pairs(api), "the bulk merge left customers sharing a name"
	new_form(master, "customer-recode")
	pick_link(master, "territory", LEGACY_TERRITORY)
	save(master)
	name = wait_until_saved(master, "customer-recode")
	shots = ("20-recode-dry-run", "21-recode-completed")
	dry_run_then_start(master, "Customer Recode", name, before.values(), api, screenshot, shots)
	recoded = records(api, "Customer", [["legacy_code", "in", list(before.values())]], LEGACY_FIELDS)
	assert sorted(row["legacy_code"] for row in recoded) == sorted(before.values())
	assert all(row["customer_code"].startswith("KH-") for row in recoded)


def dry_run_then_start(
	page: Page, doctype: str, name: str, listed, api, screenshot, shots: tuple[str, str]
) -> None:
	"""The run's Dry Run lists `listed`; then Start, until its background job has completed."""
	page.locator(".page-head:visible").get_by_role("button", name=translated("Dry Run", ZH)).click()
	dry_run = message(page)
	for text in listed:
		expect(dry_run).to_contain_text(text)
	screenshot(page, shots[0])
	close_message(page)
	page.locator(".page-head:visible").get_by_role("button", name=translated("Start", ZH)).click()
	wait_until_completed(page, doctype, name, api)
	screenshot(page, shots[1])


def wait_until_completed(page: Page, doctype: str, name: str, api) -> None:
	"""Until the run's background job has finished, then the form as the user reloads it."""
	deadline = time.monotonic() + TIMEOUT / 1000
	while run_status(api, doctype, name) not in ("Completed", "Failed") and time.monotonic() < deadline:
		time.sleep(0.5)
	page.reload()
	wait_for_document(page, name)
	expect(control(form(page), "status")).to_contain_text(translated("Completed", ZH))


def run_status(api, doctype: str, name: str) -> str:
	return records(api, doctype, [["name", "=", name]], ("status",))[0]["status"]
