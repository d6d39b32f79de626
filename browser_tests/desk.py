"""What a person does in the Frappe desk, as Playwright steps: fill a field, pick a link, save, take an action."""

import re
from urllib.parse import unquote

from playwright.sync_api import Locator, Page, expect


def control(scope: Page | Locator, fieldname: str) -> Locator:
	return scope.locator(f'.frappe-control[data-fieldname="{fieldname}"]:visible').first


def form(page: Page) -> Locator:
	return page.locator(".page-container:visible .form-layout").first


def dialog(page: Page) -> Locator:
	return page.locator(".modal.show .modal-dialog").last


def fill(scope: Page | Locator, fieldname: str, value: str) -> None:
	field = control(scope, fieldname).locator("input, textarea").first
	field.fill(value)
	field.blur()


def choose(scope: Page | Locator, fieldname: str, value: str) -> None:
	control(scope, fieldname).locator("select").select_option(value)


def pick_link(scope: Page | Locator, fieldname: str, typed: str, option: str | None = None) -> None:
	"""Type into a Link field and click the suggestion that shows `option` (by default what was typed)."""
	field = control(scope, fieldname).locator("input").first
	field.click()
	field.fill(typed)
	suggestion = link_suggestions(scope, fieldname).filter(has_text=option or typed).first
	suggestion.click()


def link_suggestions(scope: Page | Locator, fieldname: str) -> Locator:
	"""The open suggestion list of a Link field (Frappe may render it outside the field)."""
	page = scope if isinstance(scope, Page) else scope.page
	return page.locator("ul[role=listbox]:visible [role=option]")


def save(page: Page) -> None:
	page.keyboard.press("Control+s")


def wait_until_saved(page: Page, doctype_slug: str) -> str:
	"""The name a new document got, once the form has moved from /new to it."""
	page.wait_for_url(re.compile(rf"/app/{doctype_slug}/(?!new)[^/?#]+$"))
	page.wait_for_load_state("networkidle")
	return unquote(page.url.rsplit("/", 1)[1])


def message(page: Page) -> Locator:
	box = page.locator(".modal.show .msgprint").last
	expect(box).to_be_visible()
	return box


def close_message(page: Page) -> None:
	page.locator(".modal.show .btn-modal-close").last.click()
	expect(page.locator(".modal.show")).to_have_count(0)


def take_action(page: Page, action: str) -> None:
	"""A workflow action from the form's Actions menu."""
	page.locator(".page-head:visible .actions-btn-group > button").click()
	page.locator(".page-head:visible .actions-btn-group .dropdown-menu").get_by_text(
		action, exact=True
	).click()


def indicator(page: Page) -> Locator:
	return page.locator(".page-head:visible .indicator-pill").first


def open_form(page: Page, doctype_slug: str, name: str) -> None:
	page.goto(f"/app/{doctype_slug}/{name}")
	expect(form(page)).to_be_visible()
	page.wait_for_load_state("networkidle")
