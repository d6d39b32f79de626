"""Benchmark of the match keys on a site whose customers were all made before the app was installed.

scripts/benchmark-match-keys creates a site with ERPNext only and runs `main` on it, which:
1. writes BASE legacy customers straight to the tables (phones typed in several ways, one in five with a contact);
2. times 200 saves and 200 inserts of customers without the app (stock ERPNext);
3. (the script) installs the app with `install-app` and times it; then, in a new process, the fill of every
   customer's keys is timed on its own (the work of the install patch);
4. times the same saves and inserts with the app, every switch off and then with the default settings;
5. times `find_duplicates` by name, phone, tax ID and e-mail.
"""

import json
import random
import statistics
import time
import traceback

import frappe
from frappe.utils import now

from customer_onboarding.tests.benchmarks.data import customers

SAMPLES = 200
FIELDS = ["name", "customer_name", "customer_type", "customer_group", "territory", "tax_id", "mobile_no"]
FIELDS += ["email_id", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]


def main(
	base: int = 100_000,
	phase: str = "before",
	state: str = "/tmp/co-bench-keys.json",
	install_seconds: float = 0,
) -> None:
	"""`before` the install: legacy customers and stock saves; `after` it (in a new process, as `bench install-app`
	leaves the site): the fill, the saves with the app and the lookups. `state` carries figures between the two."""
	try:
		before_install(base, state) if phase == "before" else after_install(base, state, install_seconds)
	except Exception:
		traceback.print_exc()
		raise


def before_install(base: int, state: str) -> None:
	from erpnext.setup.utils import before_tests

	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	before_tests()
	make_legacy_customers(base)
	with open(state, "w") as f:
		json.dump({"stock": save_costs("STOCK")}, f)


def after_install(base: int, state: str, install_seconds: float) -> None:
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	with open(state) as f:
		results = json.load(f) | {"install": install_seconds}
	results["fill"], results["keys"] = time_fill()
	set_switches(0)
	results["app, switches off"] = save_costs("OFF")
	set_switches(1)
	results["app, default settings"] = save_costs("ON")
	print_results(base, results, lookup_times(base))


def make_legacy_customers(count: int) -> None:
	"""Customers as years of typing left them: some phones with spaces or without +86, some e-mails in capitals."""
	rows, stamp = customers(count, seed=11, start=7_000_000), now()
	values = [legacy_values(i, row, stamp) for i, row in enumerate(rows)]
	for start in range(0, count, 10_000):
		frappe.db.bulk_insert("Customer", FIELDS, values[start : start + 10_000])
	make_legacy_contacts([v[0] for v in values[::5]], stamp)
	frappe.db.commit()


def legacy_values(i: int, row: dict, stamp: str) -> tuple:
	digits = row["mobile_no"][3:]
	phone = (digits, f"{digits[:3]} {digits[3:7]} {digits[7:]}", row["mobile_no"])[i % 3]
	email = f"Buyer{i}@Example.com" if i % 4 == 0 else None
	name = f"LEGACY-{i:07d}"
	person = (name, row["customer_name"], "Company", "All Customer Groups", "All Territories", row["tax_id"])
	return (*person, phone, email, stamp, stamp, "Administrator", "Administrator", 0, 0)


def make_legacy_contacts(customers_with_contact: list[str], stamp: str) -> None:
	base = ["creation", "modified", "owner", "modified_by", "docstatus"]
	meta = (stamp, stamp, "Administrator", "Administrator", 0)
	contacts, links, phones = [], [], []
	for i, customer in enumerate(customers_with_contact):
		contact = f"LEGACY-CONTACT-{i:07d}"
		contacts.append((contact, f"联系人{i}", *meta))
		links.append(
			(frappe.generate_hash(length=12), contact, "Contact", "links", 1, "Customer", customer, *meta)
		)
		phones.append(
			(
				frappe.generate_hash(length=12),
				contact,
				"Contact",
				"phone_nos",
				1,
				f"021 {i % 10**8:08d}",
				*meta,
			)
		)
	child = ["name", "parent", "parenttype", "parentfield", "idx"]
	frappe.db.bulk_insert("Contact", ["name", "first_name", *base], contacts)
	frappe.db.bulk_insert("Dynamic Link", [*child, "link_doctype", "link_name", *base], links)
	frappe.db.bulk_insert("Contact Phone", [*child, "phone", *base], phones)


def save_costs(prefix: str) -> dict:
	"""Median milliseconds of SAMPLES saves of existing customers (a new mobile number each) and of inserts."""
	rng = random.Random(prefix)
	names = frappe.get_all("Customer", {"name": ["like", "LEGACY-%"]}, pluck="name")
	saves, inserts = [], []
	for i, name in enumerate(rng.sample(names, SAMPLES)):
		doc = frappe.get_doc("Customer", name)
		doc.mobile_no = f"+86137{rng.randrange(10**8):08d}"
		doc.registered_address = doc.get("registered_address") or "上海市示例路1号"
		saves.append(timed(doc.save))
		new = frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": f"{prefix} 基准客户 {i} 有限公司",
				"customer_type": "Company",
				"customer_group": "All Customer Groups",
				"territory": "All Territories",
				"tax_id": customers(1, seed=i, start=8_000_000 + i + 1000 * len(prefix))[0]["tax_id"],
				"registered_address": "上海市示例路1号",
			}
		)
		inserts.append(timed(new.insert))
	return {"save": statistics.median(saves), "insert": statistics.median(inserts)}


def timed(fn, *args) -> float:
	"""Milliseconds, with the commit."""
	start = time.perf_counter()
	fn(*args)
	frappe.db.commit()
	return (time.perf_counter() - start) * 1000


def time_fill() -> tuple[float, int]:
	"""The install patch's work on its own: every key deleted, then filled again."""
	from customer_onboarding.match_keys.fill import fill_match_keys
	from customer_onboarding.match_keys.store import KEYS

	frappe.db.delete(KEYS)
	frappe.db.commit()
	seconds = timed(fill_match_keys) / 1000
	return seconds, frappe.db.count(KEYS)


def set_switches(on: int) -> None:
	settings = frappe.get_single("Customer Onboarding Settings")
	settings.update({"use_code_as_name": on, "require_approval": on, "check_data_on_save": on})
	settings.save()
	frappe.db.commit()


def lookup_times(base: int) -> list[float]:
	from customer_onboarding.api import find_duplicates

	rng = random.Random(5)
	rows = customers(base, seed=11, start=7_000_000)
	find_duplicates(customer_name="预热")
	times = []
	for row in rng.sample(rows, 500):
		query = rng.choice(
			(
				{"customer_name": row["customer_name"]},
				{"mobile_no": "+86 " + row["mobile_no"][3:]},
				{"tax_id": row["tax_id"].lower()},
				{"customer_name": row["customer_name"], "mobile_no": row["mobile_no"]},
			)
		)
		start = time.perf_counter()
		find_duplicates(**query)
		times.append((time.perf_counter() - start) * 1000)
	return sorted(times)


def print_results(base: int, results: dict, lookups: list[float]) -> None:
	stock = results["stock"]
	print(f"\nMatch keys on a site with {base:,} customers made before install")
	print(
		f"install-app: {results['install']:.1f} s in all; fill of every key (the install patch) on its own: "
		f"{results['fill']:.1f} s, {results['keys']:,} keys"
	)
	print(
		f"\n{'median of ' + str(SAMPLES):<24} {'save ms':>9} {'x stock':>8} {'insert ms':>10} {'x stock':>8}"
	)
	for label in ("stock", "app, switches off", "app, default settings"):
		r = results[label]
		print(
			f"{label:<24} {r['save']:>9.1f} {r['save'] / stock['save']:>8.2f} "
			f"{r['insert']:>10.1f} {r['insert'] / stock['insert']:>8.2f}"
		)
	p50, p95 = statistics.median(lookups), lookups[int(len(lookups) * 0.95) - 1]
	print(
		f"\nfind_duplicates over {len(lookups)} queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {lookups[-1]:.1f} ms"
	)
