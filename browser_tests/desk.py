"""What a person does in the Frappe desk and its web forms, as Playwright steps: fill a field, pick a link, save,
take an action. Each step returns once the state it made is there: the value bound in the document or dialog
behind the field, the server's answer to the request."""

import re
from urllib.parse import parse_qs, unquote, urlparse

from playwright.sync_api import Locator, Page, Request, expect


def control(scope: Page | Locator, fieldname: str) -> Locator:
	return scope.locator(f'.frappe-control[data-fieldname="{fieldname}"]:visible').first


def form(page: Page) -> Locator:
	return page.locator(".page-container:visible .form-layout").first


def dialog(page: Page) -> Locator:
	return page.locator(".modal.show .modal-dialog").last


def fill(scope: Page | Locator, fieldname: str, value: str) -> None:
	field = control(scope, fieldname)
	entry = field.locator("input, textarea").first
	entry.fill(value)
	# Frappe binds typed text on change, which leaving the field fires (or a pause in typing, after 500 ms).
	entry.blur()
	wait_until_bound(field, value)


def choose(scope: Page | Locator, fieldname: str, value: str) -> None:
	field = control(scope, fieldname)
	field.locator("select").select_option(value)
	wait_until_bound(field, value)


def pick_link(scope: Page | Locator, fieldname: str, typed: str, option: str | None = None) -> None:
	"""Type into a Link field and click the suggestion that shows `option` (by default what was typed)."""
	field = control(scope, fieldname)
	entry = field.locator("input").first
	entry.click()
	entry.fill(typed)
	suggestion = link_suggestions(scope, fieldname).filter(has_text=option or typed).first
	suggestion.click()
	wait_until_bound(field)


# The value a Frappe control has bound: in the document behind it (a form's, a grid row's, a web form's), else in
# the control itself (a dialog's). `value` is what was typed, which the control parses as it binds it ("2" to 2,
# a date in the user's format to the stored one); without one, any value will do.
BOUND = """([control, value]) => {
	const field = control.fieldobj;
	const bound = field.doc ? field.doc[field.df.fieldname] : field.value;
	return value === null ? Boolean(bound) : bound === field.get_parsed_value(value);
}"""


def wait_until_bound(field: Locator, value: str | None = None) -> None:
	field.page.wait_for_function(BOUND, arg=[field.element_handle(), value])


def settled(page: Page, quiet_ms: int = 300) -> None:
	"""Until the desk has had no request open for `quiet_ms`, as a person waits for the screen to stop changing.
	A field's change can start a request whose answer sets other fields (ERPNext's pricing rule sets an item
	row's rate after its qty changes): a value typed before that answer would be overwritten."""
	idle = "() => !(window.frappe?.request?.ajax_count > 0)"
	page.wait_for_function(idle)
	page.wait_for_timeout(quiet_ms)
	while not page.evaluate(idle):
		page.wait_for_function(idle)
		page.wait_for_timeout(quiet_ms)


def answered(page: Page, method: str):
	"""Around a step: returns once the server has answered the call of `method` that the step made."""
	return page.expect_response(lambda response: calls(response.request, method))


def calls(request: Request, method: str) -> bool:
	"""Whether the request calls `method`: the desk posts to /api/method/<method>, web pages to / with a cmd."""
	path = urlparse(request.url).path
	if path == "/":
		return parse_qs(request.post_data or "").get("cmd") == [method]
	return path == f"/api/method/{method}"


def link_suggestions(scope: Page | Locator, fieldname: str) -> Locator:
	"""The open suggestion list of a Link field (Frappe may render it outside the field)."""
	page = scope if isinstance(scope, Page) else scope.page
	return page.locator("ul[role=listbox]:visible [role=option]")


def save(page: Page) -> None:
	with answered(page, "frappe.desk.form.save.savedocs"):
		page.keyboard.press("Control+s")


def wait_until_saved(page: Page, doctype_slug: str) -> str:
	"""The name a new document got, once the form has moved from /new to it."""
	page.wait_for_url(re.compile(rf"/app/{doctype_slug}/(?!new)[^/?#]+$"))
	name = unquote(page.url.rsplit("/", 1)[1])
	wait_for_document(page, name)
	return name


def wait_for_document(page: Page, name: str) -> None:
	"""Until the form shows the document `name` as it is saved."""
	page.wait_for_function("(name) => window.cur_frm?.doc.name === name && !cur_frm.is_dirty()", arg=name)


def message(page: Page) -> Locator:
	box = page.locator(".modal.show .msgprint").last
	expect(box).to_be_visible()
	return box


def close_message(page: Page) -> None:
	page.locator(".modal.show .btn-modal-close").last.click()
	expect(page.locator(".modal.show")).to_have_count(0)


def take_action(page: Page, action: str) -> None:
	"""A workflow action from the form's Actions menu, once the workflow's transitions have filled it."""
	actions = page.locator(".page-head:visible .actions-btn-group")
	item = actions.locator(".dropdown-menu").get_by_text(action, exact=True)
	expect(item).to_be_attached()
	actions.locator("> button").click()
	item.click()


def indicator(page: Page) -> Locator:
	return page.locator(".page-head:visible .indicator-pill").first


def new_form(page: Page, doctype_slug: str) -> Locator:
	"""The form of a new document, once Frappe has rendered it: the last thing it does is focus the first field
	(so a field filled earlier could still be redrawn by the form's refresh scripts)."""
	page.goto(f"/app/{doctype_slug}/new")
	expect(form(page).locator(":focus")).to_have_count(1)
	return form(page)


def open_form(page: Page, doctype_slug: str, name: str) -> None:
	page.goto(f"/app/{doctype_slug}/{name}")
	wait_for_document(page, name)


def attach_to_new(page: Page, doctype_slug: str, fieldname: str, path) -> str:
	"""Attach a file to the Attach field of a new document, which saves it; the name it got."""
	control(new_form(page, doctype_slug), fieldname).locator("button.btn-attach").click()
	uploader = dialog(page)
	uploader.locator("input[type=file]").set_input_files(str(path))
	uploader.locator(".modal-footer .btn-primary").click()
	expect(control(form(page), fieldname)).to_contain_text(path.name)
	return wait_until_saved(page, doctype_slug)
