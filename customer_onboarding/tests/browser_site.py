"""The people and records the browser tests (browser_tests/ in the repository) work with, on a fresh site.

Run once per site: `bench --site <site> execute customer_onboarding.tests.browser_site.prepare`.
"""

import frappe

from customer_onboarding.tests.utils import (
	company,
	enabled_customer,
	make_item,
	make_rule,
	make_standard_users,
	make_territory,
	make_user,
	settings,
)

PASSWORD = "Browser-Test-Passw0rd!"
SALES_ZH = "browser-sales-zh@example.com"
SALES_EN = "browser-sales-en@example.com"
REVIEWER = "browser-reviewer@example.com"
MASTER = "browser-master@example.com"
EXISTING_CUSTOMER = "华为技术有限公司"
TERRITORY = "华北"
CODE_PATTERN = "KH-#####"

PEOPLE = (
	(SALES_ZH, "zh", ("Sales User",)),
	(SALES_EN, "en", ("Sales User",)),
	(REVIEWER, "zh", ("Customer Onboarding Reviewer", "Sales User")),
	(MASTER, "zh", ("Customer Master Manager", "Sales User")),
)


def prepare() -> dict:
	from customer_onboarding.tests.setup import before_tests

	# As in the unit tests: a new user's contact is made at once and its gravatar is not looked up. Queued, these
	# jobs went ahead of the import the suite starts, each waiting on the closed network for seconds.
	frappe.flags.in_test = True
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		before_tests()
	for email, language, roles in PEOPLE:
		make_person(email, language, roles)
	make_standard_users()
	if not frappe.db.exists("Territory", TERRITORY):
		make_territory(TERRITORY, "HB")
	make_item()
	if not frappe.db.exists("Customer Code Rule", {"pattern": CODE_PATTERN}):
		make_rule(CODE_PATTERN)
	existing_customer()
	# Every visitor of the browser suite comes from 127.0.0.1.
	settings_doc = frappe.get_single("Customer Onboarding Settings")
	settings_doc.update({"registration_owner": SALES_ZH, "registration_limit_per_hour": 100})
	settings_doc.save(ignore_permissions=True)
	frappe.db.commit()
	return {"company": company(), "password": PASSWORD}


def make_person(email: str, language: str, roles: tuple[str, ...]) -> None:
	make_user(email, *roles)
	user = frappe.get_doc("User", email)
	user.update({"language": language, "new_password": PASSWORD, "first_name": email.split("@")[0]})
	user.save(ignore_permissions=True)


def existing_customer() -> None:
	"""An enabled customer whose name a new one can come close to."""
	if frappe.db.exists("Customer", {"customer_name": EXISTING_CUSTOMER}):
		return
	with settings(require_approval=1):
		enabled_customer(customer_name=EXISTING_CUSTOMER)
