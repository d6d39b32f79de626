"""Fixtures of the browser suite: Chromium, people logged in through the login page, screenshots, and the site's
REST API (as Administrator) to check what the clicking did."""

import csv
import json
import os
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, Page, expect, sync_playwright

BASE_URL = os.environ.get("CO_BASE_URL", "http://localhost:8000")
SCREENSHOTS = Path(os.environ.get("CO_SCREENSHOTS", "/tmp/customer-onboarding-screenshots"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASSWORD = "Browser-Test-Passw0rd!"
# How long a step may take before the test calls it broken: every step waits for a state, not for a time.
TIMEOUT = 20_000
expect.set_options(timeout=TIMEOUT)
ADMIN_PASSWORD = "admin"
# The machine's network is closed: Chromium must not try to reach Google's services.
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]
ZH = {
	row[0]: row[1]
	for row in csv.reader(
		(Path(__file__).parents[1] / "customer_onboarding/translations/zh.csv").open(encoding="utf-8")
	)
	if len(row) >= 2
}


@pytest.fixture(scope="session")
def browser():
	with sync_playwright() as playwright:
		browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
		yield browser
		browser.close()


@pytest.fixture(scope="session")
def screenshot():
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	print(f"\nScreenshots go to {SCREENSHOTS}")

	def take(page: Page, name: str) -> Path:
		path = SCREENSHOTS / f"{name}.png"
		page.screenshot(path=str(path), animations="disabled")  # a dialog fading in is shown as it ends
		return path

	return take


@pytest.fixture(scope="session")
def new_page(browser: Browser):
	"""A new page in a browser context of its own, made with these options."""
	contexts = []

	def make(**options) -> Page:
		context = browser.new_context(base_url=BASE_URL, **options)
		context.set_default_timeout(TIMEOUT)
		contexts.append(context)
		page = context.new_page()
		OPEN_PAGES.append(page)
		return page

	yield make
	for context in contexts:
		context.close()


@pytest.fixture(scope="session")
def login(new_page):
	"""A new page for `user`, logged in through the login page."""

	def log_in(user: str, password: str = PASSWORD) -> Page:
		page = new_page(viewport={"width": 1400, "height": 900})
		page.goto("/login")
		page.fill("#login_email", user)
		page.fill("#login_password", password)
		page.click(".btn-login")
		page.wait_for_url("**/app**")
		return page

	return log_in


OPEN_PAGES: list[Page] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
	"""A failed test leaves a picture of every page it had open, named after the test."""
	outcome = yield
	report = outcome.get_result()
	if report.when != "call" or not report.failed:
		return
	for number, page in enumerate(OPEN_PAGES):
		if not page.is_closed():
			path = SCREENSHOTS / f"failed-{item.name}-{number}.png"
			page.screenshot(path=str(path))
			print(f"Screenshot of the failure: {path}")


@pytest.fixture(scope="session")
def api() -> requests.Session:
	session = requests.Session()
	session.post(
		f"{BASE_URL}/api/method/login", data={"usr": "Administrator", "pwd": ADMIN_PASSWORD}
	).raise_for_status()
	return session


def records(api: requests.Session, doctype: str, filters: list, fields=("name",), parent=None) -> list[dict]:
	"""Rows of a doctype (of a child table: give its parent doctype) through the REST API, as Administrator."""
	params = {
		"filters": json.dumps(filters),
		"fields": json.dumps(fields),
		"limit_page_length": 0,
		"parent": parent,
	}
	return api.get(f"{BASE_URL}/api/resource/{doctype}", params=params).json()["data"]


def translated(text: str, language: str) -> str:
	return ZH.get(text, text) if language == "zh" else text
