"""A master manager imports customers from Excel in the Customer Import form and watches it finish."""

import random

from playwright.sync_api import expect

from browser_tests.conftest import BASE_URL, translated
from browser_tests.desk import attach_to_new, control, form, indicator
from browser_tests.people import MASTER, new_company_name, new_uscc
from customer_onboarding.tests.unit.test_import_file import customer, workbook_bytes

ROWS = 60


def import_file(path) -> None:
	rows = [
		customer(
			name=new_company_name(),
			key=f"R{number}",
			tax_id=new_uscc(),
			mobile=f"139{random.randrange(10**8):08d}",
			registered_address="深圳市南山区科技园",
		)
		for number in range(ROWS)
	]
	path.write_bytes(workbook_bytes(rows))


def test_import_runs_with_a_live_progress_bar(login, screenshot, api, tmp_path):
	page = login(MASTER)
	path = tmp_path / f"customers-{random.randrange(10**6):06d}.xlsx"
	import_file(path)
	name = attach_to_new(page, "customer-import", "import_file", path)

	page.evaluate(
		"window.progress_seen = []; frappe.realtime.on('progress', (d) => window.progress_seen.push(d.percent))"
	)
	page.locator(".page-head:visible").get_by_role("button", name=translated("Start Import", "zh")).click()
	expect(indicator(page)).to_have_text(translated("Completed", "zh"), timeout=120_000)
	expect(control(form(page), "created")).to_contain_text(str(ROWS))
	assert max(page.evaluate("window.progress_seen")) == 100
	screenshot(page, "12-import-completed")
	done = api.get(f"{BASE_URL}/api/resource/Customer Import/{name}").json()["data"]
	assert (done["status"], done["created"], done["failed"]) == ("Completed", ROWS, 0)
