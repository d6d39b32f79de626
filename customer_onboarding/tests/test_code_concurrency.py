"""Parallel inserts against the real database, from separate processes with their own connections."""

import multiprocessing
import os

import frappe
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.tests.utils import (
	SALES_USER,
	individual_values,
	make_rule,
	make_standard_users,
	make_territory,
	unique_code,
)

WORKERS = 6
INSERTS_PER_WORKER = 5


def insert_customers(site: str, sites_path: str, territory: str, barrier, results) -> None:
	"""One worker: its own Frappe context and database connection, started together with the others."""
	frappe.init(site=site, sites_path=sites_path)
	frappe.connect()
	frappe.set_user(SALES_USER)
	codes, errors = [], []
	barrier.wait()
	for _ in range(INSERTS_PER_WORKER):
		try:
			codes.append(frappe.get_doc(individual_values(territory=territory)).insert().customer_code)
			frappe.db.commit()
		except Exception as error:
			frappe.db.rollback()
			errors.append(f"{type(error).__name__}: {error}")
	results.put((codes, errors))
	frappe.destroy()


class TestCodeConcurrency(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()

	def setUp(self):
		self.prefixes = [unique_code(5), unique_code(5)]
		self.territories = [make_territory(f"Concurrent {p}", p) for p in self.prefixes]
		for territory in self.territories:
			make_rule("{territory_code}-###", territory=territory)
		frappe.db.commit()

	def tearDown(self):
		for territory in self.territories:
			for name in frappe.get_all("Customer", {"territory": territory}, pluck="name"):
				frappe.delete_doc("Customer", name, force=True, ignore_permissions=True)
		frappe.db.delete("Customer Code Counter", {"name": ["in", [f"{p}-###" for p in self.prefixes]]})
		frappe.db.commit()

	def run_workers(self) -> tuple[list[str], list[str]]:
		context = multiprocessing.get_context("spawn")
		barrier, results = context.Barrier(WORKERS), context.Queue()
		sites_path = os.path.abspath(frappe.local.sites_path)
		workers = [
			context.Process(
				target=insert_customers,
				args=(frappe.local.site, sites_path, self.territories[i % 2], barrier, results),
			)
			for i in range(WORKERS)
		]
		for worker in workers:
			worker.start()
		outcomes = [results.get(timeout=300) for _ in workers]
		for worker in workers:
			worker.join(timeout=60)
		codes = [code for worker_codes, _ in outcomes for code in worker_codes]
		errors = [error for _, worker_errors in outcomes for error in worker_errors]
		return codes, errors

	def test_parallel_first_use_of_new_prefixes_gives_unique_gapless_codes(self):
		codes, errors = self.run_workers()
		self.assertEqual(errors, [])
		per_prefix = WORKERS * INSERTS_PER_WORKER // 2
		expected = {f"{p}-{n:03d}" for p in self.prefixes for n in range(1, per_prefix + 1)}
		self.assertEqual(sorted(codes), sorted(expected))
