"""The people and records the browser tests (browser_tests/ in the repository) work with, on a fresh site.

Run once per site: `bench --site <site> execute customer_onboarding.tests.browser_site.prepare`.
"""

import random

import frappe

from customer_onboarding.match_keys.store import refresh_match_keys
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.utils import (
	company,
	enabled_customer,
	make_item,
	make_rule,
	make_standard_users,
	make_territory,
	make_uscc,
	make_user,
	settings,
	unique_code,
)

PASSWORD = "Browser-Test-Passw0rd!"
SALES_ZH = "browser-sales-zh@example.com"
SALES_EN = "browser-sales-en@example.com"
REVIEWER = "browser-reviewer@example.com"
MASTER = "browser-master@example.com"
# Brings a legacy ERP's customers over, bank accounts included.
IMPLEMENTER = "browser-implementer@example.com"
EXISTING_CUSTOMER = "华为技术有限公司"
TERRITORY = "华北"
# Customers brought over from a legacy ERP, named by their old codes, for the merge and re-code walkthrough.
LEGACY_TERRITORY = "华南"
CODE_PATTERN = "KH-#####"

PEOPLE = (
	(SALES_ZH, "zh", ("Sales User",)),
	(SALES_EN, "en", ("Sales User",)),
	(REVIEWER, "zh", ("Customer Onboarding Reviewer", "Sales User")),
	(MASTER, "zh", ("Customer Master Manager", "Sales User")),
	(IMPLEMENTER, "zh", ("Customer Master Manager", "Sales User", "Accounts User")),
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
	legacy_base()
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


def legacy_base() -> None:
	"""Fresh on every run, as a migration left them: two pairs sharing a tax ID (one pair for the report's Merge,
	one for the bulk merge) and two customers of their own, in a territory of their own, with their match keys
	filled as the install fills them."""
	if not frappe.db.exists("Territory", LEGACY_TERRITORY):
		make_territory(LEGACY_TERRITORY, "HN")
	names = []
	for _pair in range(2):
		tax_id, company_name = make_uscc(), f"旧系统{unique_code(4)}贸易有限公司"
		for number, address in enumerate(("广州市天河区体育西路1号", "")):
			names.append(
				legacy_customer(
					customer_name=company_name,
					tax_id=tax_id if number == 0 else tax_id.lower(),
					territory=LEGACY_TERRITORY,
					mobile_no=f"+86138{random.randrange(10**8):08d}",
					registered_address=address,
				)
			)
	names += [legacy_customer(territory=LEGACY_TERRITORY) for _single in range(2)]
	refresh_match_keys(names)


def existing_customer() -> None:
	"""An enabled customer whose name a new one can come close to."""
	if frappe.db.exists("Customer", {"customer_name": EXISTING_CUSTOMER}):
		return
	with settings(require_approval=1):
		enabled_customer(customer_name=EXISTING_CUSTOMER)
