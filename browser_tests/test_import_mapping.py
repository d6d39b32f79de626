"""An implementer imports a Kingdee export as it is: maps its columns, saves the mapping, runs the dry run and
the import, and the customers keep their Kingdee codes."""

from playwright.sync_api import expect

from browser_tests.conftest import BASE_URL, records, translated
from browser_tests.desk import (
	answered,
	attach_to_new,
	control,
	dialog,
	fill,
	form,
	indicator,
	save,
	settled,
	wait_until_bound,
)
from browser_tests.people import IMPLEMENTER
from customer_onboarding.tests.exports import KINGDEE_HEADINGS, fresh_kingdee_rows, kingdee_export

ROWS = 30


def button(page, label: str):
	return page.locator(".page-head:visible").get_by_role("button", name=translated(label, "zh"))


def test_a_kingdee_export_is_mapped_checked_and_imported(login, screenshot, api, tmp_path):
	page = login(IMPLEMENTER)
	rows = fresh_kingdee_rows(ROWS)
	path = tmp_path / "金蝶客户列表.xlsx"
	path.write_bytes(kingdee_export(rows))
	name = attach_to_new(page, "customer-import", "import_file", path)

	with answered(page, "customer_onboarding.api.customer_import_columns"):
		button(page, "Map Columns").click()
	mapper = dialog(page)
	expect(mapper.locator(".frappe-control[data-fieldtype=Select]")).to_have_count(len(KINGDEE_HEADINGS) + 1)
	fill(mapper, "mapping_name", f"金蝶客户 {rows[0][0]}")
	screenshot(page, "22-map-columns")
	with answered(page, "customer_onboarding.api.save_customer_import_mapping"):
		mapper.locator(".modal-footer .btn-primary").click()
	expect(control(form(page), "mapping")).to_contain_text(f"金蝶客户 {rows[0][0]}")

	# The saved mapping reloads the form; a box ticked while it redraws is lost and leaves nothing to save.
	settled(page)
	keep = control(form(page), "keep_legacy_codes")
	keep.locator("input[data-fieldname=keep_legacy_codes]").check()
	wait_until_bound(keep)
	save(page)
	# The dry run is a background job; its result reloads the form.
	with answered(page, "customer_onboarding.api.queue_customer_import_dry_run"):
		button(page, "Validate").click()
	expect(indicator(page)).to_have_text(translated("Validated", "zh"), timeout=60_000)
	preview = control(form(page), "preview")
	expect(preview).to_contain_text(str(ROWS))
	preview.scroll_into_view_if_needed()
	screenshot(page, "23-mapped-dry-run")

	button(page, "Start Import").click()
	expect(indicator(page)).to_have_text(translated("Completed", "zh"), timeout=120_000)
	control(form(page), "created").scroll_into_view_if_needed()
	screenshot(page, "24-mapped-import-completed")
	done = api.get(f"{BASE_URL}/api/resource/Customer Import/{name}").json()["data"]
	assert (done["status"], done["created"], done["failed"]) == ("Completed", ROWS, 0)
	imported = records(api, "Customer", [["tax_id", "=", rows[0][2]]], ("customer_code", "legacy_code"))
	assert imported[0]["customer_code"] == imported[0]["legacy_code"] == str(rows[0][0])
