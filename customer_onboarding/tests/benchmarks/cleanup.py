"""Benchmark of cleaning a legacy customer base: bulk merge of the customers that share a tax ID, then re-coding
everyone by the rule, each against what stock Frappe offers for the same work (rename-and-merge, rename).

Run by scripts/benchmark-cleanup. The customers are written with SQL, as years of typing left them: named by their
old code, about `duplicates` of them sharing a tax ID with another, each with `linked` documents (a contact, an
address, Sales Orders, Sales Invoices, Payment Entries, in turn). The app's runs are its background jobs called
in this process; then the base is checked clean: no tax ID shared, every customer coded by the rule and named
by its code, no document left pointing at a customer that is gone.
"""

import time

import frappe
from frappe.query_builder.functions import Count, IfNull
from frappe.utils import now

from customer_onboarding.match_keys.fill import fill_match_keys
from customer_onboarding.merging.bulk import run_bulk_merge, sharing_groups
from customer_onboarding.recoding import run_recode
from customer_onboarding.tests.benchmarks.entry import traceback_printed
from customer_onboarding.tests.data import customers
from customer_onboarding.tests.utils import company, make_rule, make_territory, settings

CUSTOMER_FIELDS = ["name", "customer_code", "customer_name", "customer_type", "customer_group", "territory"]
CUSTOMER_FIELDS += ["tax_id", "mobile_no", "workflow_state", "creation", "modified", "owner", "modified_by"]
META = ["creation", "modified", "owner", "modified_by", "docstatus"]
CHILD = ["name", "parent", "parenttype", "parentfield", "idx"]
# Where a customer's documents point at it: the party field of each kind of document.
LINKS = {"Sales Order": "customer", "Sales Invoice": "customer", "Payment Entry": "party"}
KINDS = ("Contact", "Address", "Sales Order", "Sales Invoice", "Payment Entry")


@traceback_printed
def main(
	customer_count: int = 10_000, duplicates: float = 0.05, linked: int = 5, stock_groups: int = 200
) -> None:
	measure(customer_count, duplicates, linked, stock_groups)


def measure(customer_count: int, duplicates: float, linked: int, stock_groups: int) -> None:
	from erpnext.setup.utils import before_tests

	frappe.set_user("Administrator")
	before_tests()
	rows = []
	with settings(use_code_as_name=1):
		make_rule("KH-#######")
		seeded = timed(lambda: make_base("OLD", customer_count, duplicates, linked))
		merge_seconds, groups = timed_merge()
		recode_seconds, recoded = timed_recode()
		rows += [("bulk merge (app)", groups, merge_seconds), ("re-code (app)", recoded, recode_seconds)]
		clean = check_clean()
		stock = make_base("STK", stock_groups * 2, 1.0, linked)
		rows += [stock_merge(stock), stock_rename(stock[: stock_groups * 2 : 2])]
		growth = [recode_growth(count) for count in (0, 5, 20)]
	print(
		f"\nCleaning {customer_count:,} legacy customers ({duplicates:.0%} sharing a tax ID), {linked} linked"
	)
	print(f"documents each; written in {seeded:.0f} s")
	print(f"{'step':<24} {'items':>8} {'seconds':>8} {'per second':>11}")
	for step, items, seconds in rows:
		print(f"{step:<24} {items:>8,} {seconds:>8.1f} {items / seconds:>11.1f}")
	print("\nRe-coding by the number of linked documents (200 customers each, named by code)")
	print(f"{'linked':>8} {'per second':>11}")
	for count, rate in growth:
		print(f"{count:>8} {rate:>11.1f}")
	print("\nLeft to clean after the bulk merge and the re-code:", clean)


def make_base(prefix: str, count: int, duplicates: float, linked: int) -> list[str]:
	"""`count` customers named `<prefix>000001`...; the first `count * duplicates` come in pairs sharing a tax ID."""
	stamp, people = now(), customers(count, seed=len(prefix) + count, start=5_000_000 + count)
	paired = int(count * duplicates) // 2 * 2
	values = []
	for i, person in enumerate(people):
		name = f"{prefix}{i + 1:06d}"
		tax_id = people[i - 1]["tax_id"] if i < paired and i % 2 else person["tax_id"]
		customer_name = (
			person["customer_name"] if i >= paired or not i % 2 else people[i - 1]["customer_name"]
		)
		kind = ("Company", "All Customer Groups", "All Territories")
		meta = ("Enabled", stamp, stamp, "Administrator", "Administrator")
		values.append((name, name, customer_name, *kind, tax_id, person["mobile_no"], *meta))
	for start in range(0, count, 5_000):
		frappe.db.bulk_insert("Customer", CUSTOMER_FIELDS, values[start : start + 5_000])
	names = [v[0] for v in values]
	make_linked(names, linked, stamp)
	fill_match_keys(only_missing=True)
	frappe.db.commit()
	return names


def make_linked(names: list[str], linked: int, stamp: str) -> None:
	meta = (stamp, stamp, "Administrator", "Administrator")
	firm = company()
	rows: dict[str, list] = {kind: [] for kind in KINDS}
	links = []
	for customer in names:
		for n in range(linked):
			kind = KINDS[n % len(KINDS)]
			doc = f"{customer}-{n}"
			if kind in LINKS:
				party = ("Customer", customer) if kind == "Payment Entry" else (customer,)
				rows[kind].append((doc, firm, *party, *meta, 1))
			else:
				title = (
					(f"联系人{doc}",) if kind == "Contact" else (f"{doc} 地址", "示例路1号", "上海", "China")
				)
				rows[kind].append((doc, *title, *meta, 0))
				links.append(
					(frappe.generate_hash(length=12), doc, kind, "links", 1, "Customer", customer, *meta, 0)
				)
	fields = {
		"Contact": ["name", "first_name", *META],
		"Address": ["name", "address_title", "address_line1", "city", "country", *META],
		"Sales Order": ["name", "company", "customer", *META],
		"Sales Invoice": ["name", "company", "customer", *META],
		"Payment Entry": ["name", "company", "party_type", "party", *META],
	}
	for kind, values in rows.items():
		for start in range(0, len(values), 5_000):
			frappe.db.bulk_insert(kind, fields[kind], values[start : start + 5_000])
	for start in range(0, len(links), 5_000):
		frappe.db.bulk_insert(
			"Dynamic Link", [*CHILD, "link_doctype", "link_name", *META], links[start : start + 5_000]
		)


def timed(fn) -> float:
	start = time.perf_counter()
	fn()
	frappe.db.commit()
	return time.perf_counter() - start


def timed_merge() -> tuple[float, int]:
	groups = len(sharing_groups("Tax ID"))
	doc = frappe.get_doc({"doctype": "Customer Bulk Merge", "match_key": "Tax ID"}).insert()
	seconds = timed(lambda: run_bulk_merge(doc.name))
	doc.reload()
	assert doc.groups_merged == groups, (doc.groups_merged, groups, doc.failures)
	return seconds, groups


def timed_recode() -> tuple[float, int]:
	doc = frappe.get_doc({"doctype": "Customer Recode", "code_equals_name": 1}).insert()
	seconds = timed(lambda: run_recode(doc.name))
	doc.reload()
	assert not doc.failures, doc.failures
	return seconds, doc.customers_recoded


def stock_merge(names: list[str]) -> tuple[str, int, float]:
	"""Frappe's rename-and-merge of each pair, as the stock desk does it: the survivor keeps its own values."""
	pairs = list(zip(names[1::2], names[::2], strict=True))

	def merge_all():
		for other, survivor in pairs:
			frappe.rename_doc("Customer", other, survivor, merge=True, show_alert=False, rebuild_search=False)
			frappe.db.commit()

	return "merge (stock rename)", len(pairs), timed(merge_all)


def stock_rename(names: list[str]) -> tuple[str, int, float]:
	def rename_all():
		for number, name in enumerate(names, 1):
			frappe.rename_doc("Customer", name, f"STOCK-{number:07d}", show_alert=False, rebuild_search=False)
			frappe.db.commit()

	return "rename (stock)", len(names), timed(rename_all)


def recode_growth(linked: int, count: int = 200) -> tuple[int, float]:
	"""Customers re-coded a second, for customers with `linked` documents each (a territory of their own)."""
	territory = make_territory(f"Recode {linked}")
	names = make_base(f"G{linked:02d}-", count, 0, linked)
	frappe.db.set_value("Customer", {"name": ["in", names]}, "territory", territory)
	doc = frappe.get_doc(
		{"doctype": "Customer Recode", "territory": territory, "code_equals_name": 1}
	).insert()
	seconds = timed(lambda: run_recode(doc.name))
	return linked, count / seconds


def check_clean() -> dict:
	"""What would still need cleaning: shared tax IDs, customers without a code by the rule or not named by it,
	documents pointing at a customer that is gone."""
	customer = frappe.qb.DocType("Customer")
	shared = (
		frappe.qb.from_(customer)
		.select(customer.tax_id)
		.where(IfNull(customer.tax_id, "") != "")
		.groupby(customer.tax_id)
		.having(Count("*") > 1)
	).run()
	link = frappe.qb.DocType("Dynamic Link")
	orphans = sum(orphan_count(kind, field) for kind, field in LINKS.items())
	orphans += orphan_count("Dynamic Link", "link_name", link.link_doctype == "Customer")
	return {
		"shared tax IDs": len(shared),
		"without a rule's code": frappe.db.count("Customer", {"customer_code": ["not like", "KH-%"]}),
		"not named by code": len(
			frappe.qb.from_(customer)
			.select(customer.name)
			.where(customer.name != customer.customer_code)
			.run()
		),
		"orphans": orphans,
	}


def orphan_count(doctype: str, field: str, condition=None) -> int:
	table, customer = frappe.qb.DocType(doctype), frappe.qb.DocType("Customer")
	query = (
		frappe.qb.from_(table)
		.left_join(customer)
		.on(customer.name == table[field])
		.select(Count("*"))
		.where(customer.name.isnull())
	)
	if condition is not None:
		query = query.where(condition)
	return query.run()[0][0]
