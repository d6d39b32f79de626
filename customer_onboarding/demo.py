"""Demo data to try the app in five minutes: `bench --site SITE execute customer_onboarding.demo.make_demo`.

It completes ERPNext's setup wizard when nobody has (a Chinese demo company), then adds a code rule, one user
per role of the app, customers in every onboarding state moved there by those users through the workflow, a year
of submitted sales invoices with a stocktake over them, an open change request and an Excel file ready to
import. Every record is looked up before it is made, so a second run changes nothing and says so.
"""

import io
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

import frappe
import openpyxl
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, add_months, get_url, getdate, today
from frappe.utils.nestedset import get_root_of

from customer_onboarding.api import set_review_comment
from customer_onboarding.constants import (
	APPROVE,
	APPROVED,
	CREDIT_CONTROLLER,
	DISABLE,
	DISABLED,
	DRAFT,
	ENABLE,
	ENABLED,
	MASTER_MANAGER,
	PENDING_REVIEW,
	RETURN,
	RETURNED,
	REVIEWER,
	SUBMIT_FOR_REVIEW,
)
from customer_onboarding.core.importing.layout import (
	BANK_ACCOUNTS,
	CATEGORIES,
	COLUMNS,
	CONTACTS,
	CUSTOMER_TYPES,
	CUSTOMERS,
	sheet_title,
)
from customer_onboarding.core.tax_id import uscc_check_character
from customer_onboarding.importing.importer import validate_import
from customer_onboarding.importing.jobs import import_template
from customer_onboarding.settings import SETTINGS
from customer_onboarding.stocktake.run import STOCKTAKE, run_stocktake

COMPANY = "演示科技有限公司"
PASSWORD = "Demo@2026"
SALES = "sales@demo.example.com"
REVIEWER_USER = "reviewer@demo.example.com"
MASTER = "master@demo.example.com"
CREDIT = "credit@demo.example.com"
USERS = (
	(SALES, "张敏", ("Sales User",)),
	(REVIEWER_USER, "李华", (REVIEWER, "Sales User")),
	(MASTER, "王强", (MASTER_MANAGER, "Sales User")),
	(CREDIT, "赵丽", (CREDIT_CONTROLLER, "Sales User", "Accounts User")),
)

REGION = "演示区域"
CITIES = {  # territory: (its code, the USCC's administrative division, an address prefix)
	"北京": ("BJ", "110105", "北京市朝阳区建国路"),
	"上海": ("SH", "310115", "上海市浦东新区世纪大道"),
	"广州": ("GZ", "440106", "广州市天河区天河路"),
}
GROUPS = {"制造业": "ZZ", "贸易": "MY", "服务业": "FW"}
RULE_NAME = "演示编码规则"
RULE_PATTERN = "{territory_code}-{group_code}-###"

ITEM = "DEMO-SERVICE"
IMPORT_FILE = "demo-customer-import.xlsx"
IMPORT_ROWS = 20
CHANGE_REQUEST = "Customer Change Request"
CHANGE_REASON = "客户办公地址搬迁，营业执照已变更"
RETURN_COMMENT = "营业执照上的注册地址与填写的不一致，请核对后重新提交。"
STOCKTAKE_MONTHS = 6  # the invoices of the six months before stay history: first and last purchases, churn


@dataclass(frozen=True)
class DemoCustomer:
	number: int
	name: str
	territory: str
	group: str
	state: str
	months: tuple[int, ...] = ()  # months ago of its invoices
	amount: int = 0
	category: str = "Regular"


CUSTOMERS_TO_MAKE = (
	DemoCustomer(1, "北京星辰智能制造有限公司", "北京", "制造业", ENABLED, tuple(range(12)), 36000, "VIP"),
	DemoCustomer(2, "上海东方国际贸易有限公司", "上海", "贸易", ENABLED, (0, 2, 4, 6, 8, 10), 12000),
	DemoCustomer(3, "广州南粤物流服务有限公司", "广州", "服务业", ENABLED, (4, 5, 6, 7, 8, 9, 10, 11), 8000),
	DemoCustomer(4, "北京华信软件有限公司", "北京", "服务业", ENABLED, (0, 1), 5000, "Potential"),
	DemoCustomer(5, "上海恒远机械有限公司", "上海", "制造业", ENABLED, (8, 9, 10, 11), 20000),
	DemoCustomer(6, "广州粤海食品有限公司", "广州", "贸易", DISABLED, (7, 8, 9, 10, 11), 6000),
	DemoCustomer(7, "北京蓝海环保科技有限公司", "北京", "服务业", APPROVED),
	DemoCustomer(8, "上海明德教育咨询有限公司", "上海", "服务业", PENDING_REVIEW),
	DemoCustomer(9, "广州锦程电子有限公司", "广州", "制造业", PENDING_REVIEW),
	DemoCustomer(10, "北京博远建材有限公司", "北京", "贸易", RETURNED),
	DemoCustomer(11, "上海新禾农业科技有限公司", "上海", "制造业", DRAFT, category="Potential"),
)
CHANGED_CUSTOMER = 2
# Who takes a new customer to each state, in order; Disable comes after its invoices.
PATHS = {
	DRAFT: (),
	PENDING_REVIEW: ((SUBMIT_FOR_REVIEW, SALES),),
	RETURNED: ((SUBMIT_FOR_REVIEW, SALES), (RETURN, REVIEWER_USER)),
	APPROVED: ((SUBMIT_FOR_REVIEW, SALES), (APPROVE, REVIEWER_USER)),
	ENABLED: ((SUBMIT_FOR_REVIEW, SALES), (APPROVE, REVIEWER_USER), (ENABLE, MASTER)),
	DISABLED: ((SUBMIT_FOR_REVIEW, SALES), (APPROVE, REVIEWER_USER), (ENABLE, MASTER)),
}
IMPORT_NAMES = (
	"北京润丰", "上海启明", "广州佳和", "北京泰安", "上海汇通", "广州瑞祥", "北京鼎盛", "上海宏图", "广州德信",
	"北京万和", "上海金桥", "广州力拓", "北京天成", "上海永安", "广州嘉禾", "北京华泰", "上海百川", "广州东升",
	"北京安信", "上海和谐",
)  # fmt: skip
IMPORT_TRADES = ("精密机械", "商贸", "信息技术", "包装材料", "供应链管理")


@contextmanager
def as_user(user: str):
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user(previous)


def make_demo() -> None:
	"""Fill the site with demo data and print how to try it; a second run changes nothing."""
	frappe.set_user("Administrator")
	made = Counter()
	company = complete_setup_wizard(made)
	made["users"] = sum(make_user(*user) for user in USERS)
	made["codes"] = make_code_rule()
	made["registration owner"] = set_registration_owner()
	made["customers"] = make_customers(company)
	made["change requests"] = make_change_request()
	import_name, made["import files"] = make_import_file()
	stocktake, made["stocktakes"] = make_stocktake(company)
	print_summary(import_name, stocktake, already=not any(made.values()))


# The company ---------------------------------------------------------------------------------------------


def complete_setup_wizard(made: Counter) -> str:
	"""The site's default company; on a site whose setup wizard nobody completed, a Chinese demo company."""
	if not frappe.db.a_row_exists("Company"):
		from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

		year = getdate(today()).year
		setup_complete(
			{
				"language": "English",
				"country": "China",
				"currency": "CNY",
				"timezone": "Asia/Shanghai",
				"company_name": COMPANY,
				"company_abbr": "YS",
				"chart_of_accounts": "Standard",
				"fy_start_date": f"{year}-01-01",
				"fy_end_date": f"{year}-12-31",
			}
		)
		frappe.set_user("Administrator")
		made["company"] = 1
	return (
		frappe.defaults.get_global_default("company")
		or frappe.db.get_single_value("Global Defaults", "default_company")
		or frappe.get_all("Company", pluck="name", limit=1)[0]
	)


def ensure_fiscal_year(date: str) -> None:
	"""Invoices of last year need their fiscal year; it repeats the months of the latest one."""
	from erpnext.accounts.utils import get_fiscal_year

	if get_fiscal_year(date, boolean=True):
		return
	latest = frappe.get_all(
		"Fiscal Year", fields=["year_start_date"], order_by="year_start_date desc", limit=1
	)
	start = getdate(latest[0].year_start_date) if latest else getdate(f"{getdate(date).year}-01-01")
	while start > getdate(date):
		start = getdate(add_months(start, -12))
	end = getdate(add_days(add_months(start, 12), -1))
	year = str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
	frappe.get_doc(
		{"doctype": "Fiscal Year", "year": year, "year_start_date": start, "year_end_date": end}
	).insert(ignore_permissions=True)


# Users, codes and settings ------------------------------------------------------------------------------


def make_user(email: str, full_name: str, roles: tuple[str, ...]) -> int:
	if frappe.db.exists("User", email):
		return 0
	user = frappe.new_doc("User")
	user.update(
		{
			"email": email,
			"first_name": full_name,
			"language": "zh",
			"send_welcome_email": 0,
			"new_password": PASSWORD,
		}
	)
	user.append_roles(*roles)
	user.insert(ignore_permissions=True)
	return 1


def make_tree_node(doctype: str, name: str, code: str | None, parent: str, is_group: int = 0) -> int:
	if frappe.db.exists(doctype, name):
		return 0
	fields = {
		"Territory": ("territory_name", "parent_territory", "territory_code"),
		"Customer Group": ("customer_group_name", "parent_customer_group", "group_code"),
	}[doctype]
	values = dict(zip(fields, (name, parent, code), strict=True))
	frappe.get_doc({"doctype": doctype, "is_group": is_group, **values}).insert(ignore_permissions=True)
	return 1


def make_code_rule() -> int:
	"""Codes such as BJ-ZZ-001 for the customers of the demo's territories; other customers keep theirs."""
	made = make_tree_node("Territory", REGION, None, get_root_of("Territory"), is_group=1)
	made += sum(make_tree_node("Territory", city, code, REGION) for city, (code, *_rest) in CITIES.items())
	root = get_root_of("Customer Group")
	made += sum(make_tree_node("Customer Group", group, code, root) for group, code in GROUPS.items())
	if not frappe.db.exists("Customer Code Rule", {"rule_name": RULE_NAME}):
		frappe.get_doc(
			{
				"doctype": "Customer Code Rule",
				"rule_name": RULE_NAME,
				"pattern": RULE_PATTERN,
				"for_territory": REGION,
				"priority": 10,
			}
		).insert(ignore_permissions=True)
		made += 1
	return made


def set_registration_owner() -> int:
	"""The registration page hands new customers to the demo's sales user, unless someone was chosen."""
	if frappe.db.get_single_value(SETTINGS, "registration_owner"):
		return 0
	frappe.db.set_single_value(SETTINGS, "registration_owner", SALES)
	frappe.clear_document_cache(SETTINGS, SETTINGS)
	return 1


# Customers and their invoices ---------------------------------------------------------------------------


def uscc(number: int, territory: str) -> str:
	"""A valid Unified Social Credit Code of a company registered in the territory's district."""
	body = f"91{CITIES[territory][1]}MA{number:07d}"
	return body + uscc_check_character(body)


def demo_tax_id(spec: DemoCustomer) -> str:
	return uscc(2026000 + spec.number, spec.territory)


def mobile(number: int) -> str:
	return f"+86139{number:08d}"


def customer_values(spec: DemoCustomer) -> dict:
	return {
		"doctype": "Customer",
		"customer_name": spec.name,
		"customer_type": "Company",
		"customer_group": spec.group,
		"territory": spec.territory,
		"customer_category": spec.category,
		"tax_id": demo_tax_id(spec),
		"mobile_no": mobile(20260000 + spec.number),
		"email_id": f"contact{spec.number:02d}@customer.example.com",
		"registered_address": f"{CITIES[spec.territory][2]}{spec.number * 8 + 1}号",
		"account_manager": SALES,
	}


def existing_customer(spec: DemoCustomer) -> str | None:
	return frappe.db.get_value("Customer", {"tax_id": demo_tax_id(spec)})


def make_customers(company: str) -> int:
	"""Each new customer is entered by the sales user and moved on by whoever owns the next step."""
	new = {spec: make_customer(spec) for spec in CUSTOMERS_TO_MAKE if not existing_customer(spec)}
	if any(spec.months for spec in new):
		make_item()
	for spec, name in new.items():
		submit_invoices(name, company, spec)
		if spec.state == DISABLED:
			move(name, DISABLE, MASTER)
	return len(new)


def make_customer(spec: DemoCustomer) -> str:
	with as_user(SALES):
		name = frappe.get_doc(customer_values(spec)).insert().name
	for action, user in PATHS[spec.state]:
		move(name, action, user)
	return name


def move(customer: str, action: str, user: str) -> None:
	"""A workflow action as the form's action menu takes it; Return first stores the reviewer's comment."""
	with as_user(user):
		if action == RETURN:
			set_review_comment(customer, RETURN_COMMENT)
		apply_workflow(frappe.get_doc("Customer", customer), action)


def make_item() -> None:
	if frappe.db.exists("Item", ITEM):
		return
	frappe.get_doc(
		{
			"doctype": "Item",
			"item_code": ITEM,
			"item_name": "技术服务",
			"item_group": get_root_of("Item Group"),
			"stock_uom": "Nos",
			"is_stock_item": 0,
		}
	).insert(ignore_permissions=True)


def submit_invoices(customer: str, company: str, spec: DemoCustomer) -> None:
	"""One submitted invoice for each month of the customer's history, a few days before that day's date."""
	for months_ago in spec.months:
		posting_date = add_days(add_months(today(), -months_ago), -3)
		ensure_fiscal_year(posting_date)
		invoice = frappe.get_doc(
			{
				"doctype": "Sales Invoice",
				"customer": customer,
				"company": company,
				"posting_date": posting_date,
				"set_posting_time": 1,
				"due_date": add_days(posting_date, 30),
				"items": [{"item_code": ITEM, "qty": 1, "rate": spec.amount * (10 + months_ago % 3) / 10}],
			}
		)
		invoice.insert(ignore_permissions=True)
		invoice.submit()


# Change request, import file and stocktake --------------------------------------------------------------


def changed_customer() -> str:
	return existing_customer(next(s for s in CUSTOMERS_TO_MAKE if s.number == CHANGED_CUSTOMER))


def make_change_request() -> int:
	"""The sales user asks for a new registered address and longer credit days, and submits it for review."""
	customer = changed_customer()
	if frappe.db.exists(CHANGE_REQUEST, {"customer": customer}):
		return 0
	with as_user(SALES):
		request = frappe.get_doc(
			{
				"doctype": CHANGE_REQUEST,
				"customer": customer,
				"reason": CHANGE_REASON,
				"items": [
					{"fieldname": "registered_address", "proposed_value": "上海市闵行区申长路988号"},
					{"fieldname": "credit_days", "proposed_value": "45"},
				],
			}
		).insert()
		apply_workflow(request, SUBMIT_FOR_REVIEW)
	return 1


def import_rows() -> list[dict]:
	"""Twenty new companies across the demo's territories and groups, a contact for every fourth."""
	cities, groups = list(CITIES), list(GROUPS)
	rows = []
	for i, prefix in enumerate(IMPORT_NAMES[:IMPORT_ROWS], start=1):
		city = next(c for c in cities if prefix.startswith(c))
		rows.append(
			{
				"row_key": f"R{i:02d}",
				"customer_name": f"{prefix}{IMPORT_TRADES[i % len(IMPORT_TRADES)]}有限公司",
				"customer_type": CUSTOMER_TYPES["Company"],
				"customer_group": groups[i % len(groups)],
				"territory": city,
				"customer_category": CATEGORIES["VIP" if i % 7 == 0 else "Regular"],
				"tax_id": uscc(2026100 + i, city),
				"mobile_no": mobile(20261000 + i)[3:],
				"email_id": f"info{i:02d}@import.example.com",
				"registered_address": f"{CITIES[city][2]}{100 + i}号",
				"account_manager": SALES,
				"credit_days": 30,
			}
		)
	return rows


def import_contacts(rows: list[dict]) -> list[dict]:
	return [
		{
			"customer_key": row["row_key"],
			"first_name": "伟",
			"last_name": "陈",
			"mobile_no": mobile(20262000 + i)[3:],
			"email_id": f"buyer{i:02d}@import.example.com",
			"designation": "采购经理",
			"is_primary": "是",
		}
		for i, row in enumerate(rows, start=1)
		if i % 4 == 1
	]


def fill_sheet(workbook, sheet: str, rows: list[dict]) -> None:
	"""Rows from the second line on, over the template's sample row (removed when there are none)."""
	ws = workbook[sheet_title(sheet, "zh")]
	ws.delete_rows(2)
	for line, row in enumerate(rows, start=2):
		for index, column in enumerate(COLUMNS[sheet], start=1):
			ws.cell(line, index, row.get(column.key))


def import_workbook() -> bytes:
	"""The app's own Chinese template, filled in."""
	language, frappe.local.lang = frappe.local.lang, "zh"
	try:
		workbook = openpyxl.load_workbook(io.BytesIO(import_template("zh")))
	finally:
		frappe.local.lang = language
	rows = import_rows()
	fill_sheet(workbook, CUSTOMERS, rows)
	fill_sheet(workbook, CONTACTS, import_contacts(rows))
	fill_sheet(workbook, BANK_ACCOUNTS, [])
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def demo_import() -> str | None:
	file_url = frappe.db.get_value(
		"File", {"file_name": IMPORT_FILE, "attached_to_doctype": "Customer Import"}, "file_url"
	)
	return frappe.db.get_value("Customer Import", {"import_file": file_url}) if file_url else None


def make_import_file() -> tuple[str, int]:
	"""A Customer Import in Draft with the file attached, checked by a dry run as the master manager."""
	if name := demo_import():
		return name, 0
	with as_user(MASTER):
		file = frappe.get_doc(
			{"doctype": "File", "file_name": IMPORT_FILE, "is_private": 1, "content": import_workbook()}
		).insert()
		doc = frappe.get_doc({"doctype": "Customer Import", "import_file": file.file_url}).insert()
		file.db_set(
			{
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"attached_to_field": "import_file",
			}
		)
		summary = validate_import(doc)
	if summary["problems"]:
		raise ValueError(f"The demo import file has problems: {summary['problems'][:3]}")
	return doc.name, 1


def demo_stocktake(company: str) -> str | None:
	done = frappe.get_all(
		STOCKTAKE, {"company": company, "status": "Completed", "run_by": MASTER}, pluck="name", limit=1
	)
	return done[0] if done else None


def make_stocktake(company: str) -> tuple[str, int]:
	"""The master manager's stocktake of the last six months, run here rather than in the background.

	It commits, as the background job does, so it comes last."""
	if name := demo_stocktake(company):
		return name, 0
	with as_user(MASTER):
		doc = frappe.get_doc(
			{
				"doctype": STOCKTAKE,
				"company": company,
				"period_from": add_days(add_months(today(), -STOCKTAKE_MONTHS), 1),
				"period_to": today(),
			}
		).insert()
		run_stocktake(doc.name)
	return doc.name, 1


# Summary -------------------------------------------------------------------------------------------------


def state_counts() -> dict[str, int]:
	tax_ids = [demo_tax_id(spec) for spec in CUSTOMERS_TO_MAKE]
	states = frappe.get_all("Customer", {"tax_id": ["in", tax_ids]}, pluck="workflow_state")
	return {state: states.count(state) for state in PATHS}


def import_file_path(import_name: str) -> str:
	file_url = frappe.db.get_value("Customer Import", import_name, "import_file")
	return os.path.abspath(frappe.get_site_path(file_url.lstrip("/")))


def print_summary(import_name: str, stocktake: str, already: bool) -> None:
	request = frappe.get_all(CHANGE_REQUEST, {"customer": changed_customer()}, pluck="name", limit=1)
	if already:
		print("The demo data is already there: nothing changed.")
	print(f"Open {get_url('/app/customer')} and log in as one of:")
	print(f"  {'Administrator':<27} {'(the site admin password)':<26} System Manager")
	for email, full_name, roles in USERS:
		print(f"  {email:<27} {PASSWORD:<12} {full_name:<12} {', '.join(roles)}")
	counts = ", ".join(f"{state} {count}" for state, count in state_counts().items())
	print(f"Demo customers by state: {counts}")
	print(f"Excel file ready to import: {import_file_path(import_name)} (Customer Import {import_name})")
	print(f"Stocktake: {stocktake}")
	print(f"Open change request: {request[0] if request else '-'}")
