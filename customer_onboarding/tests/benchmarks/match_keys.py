"""Benchmark of a customer's save and insert, and of the match keys, on sites whose customers were all made
before the app was installed.

scripts/benchmark-match-keys makes two sites with ERPNext only, writes the same BASE legacy customers to both
(`legacy`), installs the app on one and times the fill of every key on its own (`fill`). Then `interleave` runs
one process on each site and alternates batches of saves and inserts between stock ERPNext, the app with every
switch off and the app with the default settings, within the same minutes, so that the machine's drift falls
on all three alike: each round gives a ratio per batch, and the table shows their median and spread. It also
lists the queries of one save and one insert on each. Last, `lookups` times `find_duplicates`.
"""

import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter

import frappe
from frappe.utils import now

from customer_onboarding.tests.benchmarks.queries import save_and_insert_queries
from customer_onboarding.tests.data import customers

BATCH = 20
WARM_UP = 2
SETUPS = ("stock", "app, switches off", "app, default settings")
FIELDS = ["name", "customer_name", "customer_type", "customer_group", "territory", "tax_id", "mobile_no"]
FIELDS += ["email_id", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]
# Legacy customers with a contact (one in five has one), the same on both sites: the query lists save these.
QUERY_CUSTOMERS = ["LEGACY-0000005", "LEGACY-0000010"]
RESULT = "RESULT "


def legacy(base: int) -> None:
	"""A site's company and fiscal year (as ERPNext's tests make them) and BASE legacy customers."""
	from erpnext.setup.utils import before_tests

	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	before_tests()
	make_legacy_customers(base)


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


def fill() -> None:
	"""The install patch's work on its own: every key deleted, then filled again."""
	from customer_onboarding.match_keys.fill import fill_match_keys
	from customer_onboarding.match_keys.store import KEYS

	frappe.db.delete(KEYS)
	frappe.db.commit()
	start = time.perf_counter()
	fill_match_keys()
	frappe.db.commit()
	print(f"fill of every key (the install patch) on its own: {time.perf_counter() - start:.1f} s, ", end="")
	print(f"{frappe.db.count(KEYS):,} keys")


# One process per site, driven by `interleave` over its standard input --------------------------------------


def serve() -> None:
	"""Answer the driver's commands, one JSON line each, until its input ends."""
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	names = frappe.get_all("Customer", {"name": ["like", "LEGACY-%"]}, pluck="name", order_by="name")
	random.Random(frappe.local.site).shuffle(names)
	for line in sys.stdin:
		command = json.loads(line)
		if command["do"] == "switches":
			set_switches(command["on"])
			answer = None
		elif command["do"] == "batch":
			answer = timed_batch(names, command["start"])
		else:
			answer = save_and_insert_queries(
				QUERY_CUSTOMERS, customers(2, start=9_000_000), command["prefix"]
			)
		print(RESULT + json.dumps(answer, ensure_ascii=False), flush=True)


def set_switches(on: int) -> None:
	settings = frappe.get_single("Customer Onboarding Settings")
	settings.update({"use_code_as_name": on, "require_approval": on, "check_data_on_save": on})
	settings.save()
	frappe.db.commit()


def timed_batch(names: list[str], start: int) -> dict[str, list[float]]:
	"""Milliseconds of BATCH saves of legacy customers (a new mobile number each) and BATCH inserts, each with
	its commit, after WARM_UP of each that are not counted."""
	rng = random.Random(start)
	times: dict[str, list[float]] = {"save": [], "insert": []}
	for i, row in enumerate(customers(WARM_UP + BATCH, seed=start, start=start)):
		doc = frappe.get_doc("Customer", names.pop())
		doc.mobile_no = f"+86137{rng.randrange(10**8):08d}"
		doc.registered_address = doc.get("registered_address") or "上海市示例路1号"
		save = timed(doc.save)
		insert = timed(new_customer(row).insert)
		if i >= WARM_UP:
			times["save"].append(save)
			times["insert"].append(insert)
	return times


def new_customer(row: dict):
	"""A company as a user enters one: name, tax ID and registered address."""
	values = {key: row[key] for key in ("customer_name", "customer_type", "tax_id", "registered_address")}
	return frappe.get_doc(
		{
			"doctype": "Customer",
			**values,
			"customer_group": "All Customer Groups",
			"territory": "All Territories",
		}
	)


def timed(fn) -> float:
	start = time.perf_counter()
	fn()
	frappe.db.commit()
	return (time.perf_counter() - start) * 1000


# The driver -------------------------------------------------------------------------------------------------


def interleave(stock_site: str, app_site: str, rounds: int) -> None:
	"""Rounds of one batch per setup, in an order that turns each round, in two processes started once."""
	stock, app = server(stock_site), server(app_site)
	sites = {"stock": stock, "app, switches off": app, "app, default settings": app}
	batches: dict[str, list[dict]] = {setup: [] for setup in SETUPS}
	for number in range(rounds):
		for turn in range(len(SETUPS)):
			setup = SETUPS[(number + turn) % len(SETUPS)]
			if setup != "stock":
				ask(app, {"do": "switches", "on": int(setup == "app, default settings")})
			start = 8_000_000 + (number * len(SETUPS) + turn) * (BATCH + WARM_UP)
			batches[setup].append(ask(sites[setup], {"do": "batch", "start": start}))
	queries = {"stock": ask(stock, {"do": "queries", "prefix": "S"})}
	for setup, on in (("app, switches off", 0), ("app, default settings", 1)):
		ask(app, {"do": "switches", "on": on})
		queries[setup] = ask(app, {"do": "queries", "prefix": "A" * (on + 1)})
	for process in (stock, app):
		process.stdin.close()
		process.wait()
	print_costs(batches, rounds)
	print_queries(queries)


def server(site: str) -> subprocess.Popen:
	code = (
		"import frappe, sys; frappe.init(site=sys.argv[1], sites_path='.'); frappe.connect(); "
		"from customer_onboarding.tests.benchmarks.match_keys import serve; serve()"
	)
	return subprocess.Popen(
		[sys.executable, "-c", code, site], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
	)


def ask(process: subprocess.Popen, command: dict):
	process.stdin.write(json.dumps(command) + "\n")
	process.stdin.flush()
	for line in process.stdout:
		if line.startswith(RESULT):
			return json.loads(line[len(RESULT) :])
	raise RuntimeError(f"the process on its site stopped: {process.wait()}")


def print_costs(batches: dict[str, list[dict]], rounds: int) -> None:
	print(
		f"\n{rounds} rounds of {BATCH} saves and {BATCH} inserts per setup, interleaved; ratio to stock per round"
	)
	print(
		f"{'':<24} {'save ms':>8} {'x stock':>8} {'spread':>11} {'insert ms':>10} {'x stock':>8} {'spread':>11}"
	)
	for setup in SETUPS:
		line = f"{setup:<24}"
		for kind in ("save", "insert"):
			medians = [statistics.median(batch[kind]) for batch in batches[setup]]
			stock = [statistics.median(batch[kind]) for batch in batches["stock"]]
			ratios = sorted(ours / theirs for ours, theirs in zip(medians, stock, strict=True))
			spread = f"{ratios[0]:.2f}-{ratios[-1]:.2f}"
			line += f" {statistics.median(medians):>8.1f} {statistics.median(ratios):>8.2f} {spread:>11}"
			line += "" if kind == "insert" else " "
		print(line)


def print_queries(queries: dict[str, dict[str, list[str]]]) -> None:
	"""How many queries each setup sends, and the queries that stock ERPNext does not send."""
	print("\nQueries of one save and one insert")
	for kind in ("save", "insert"):
		counts = ", ".join(f"{setup} {len(found[kind])}" for setup, found in queries.items())
		print(f"{kind}: {counts}")
		stock = Counter(queries["stock"][kind])
		for setup in SETUPS[1:]:
			print(f"  {kind}, {setup}, not in stock:")
			for query, count in (Counter(queries[setup][kind]) - stock).items():
				print(f"    {count} x {query[:200]}")


def lookups() -> None:
	from customer_onboarding.api import find_duplicates

	frappe.set_user("Administrator")
	base = frappe.db.count("Customer", {"name": ["like", "LEGACY-%"]})
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
	times.sort()
	p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
	print(
		f"\nfind_duplicates over {len(times)} queries, {base:,} legacy customers: "
		f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
	)
