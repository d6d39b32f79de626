"""Bulk merge: the dry run, then the run group by group, which a kill leaves whole and a second start finishes."""

from unittest.mock import patch

import frappe

from customer_onboarding import api
from customer_onboarding.match_keys.store import refresh_match_keys
from customer_onboarding.merging import merge
from customer_onboarding.merging.bulk import run_bulk_merge
from customer_onboarding.tests.legacy import legacy_customer
from customer_onboarding.tests.utils import MASTER_MANAGER, SALES_USER, StandardUsersCase, as_user, make_uscc

test_ignore = ["Customer", "User"]


def shared_tax_id_groups(count: int) -> list[list[str]]:
	groups = []
	for _number in range(count):
		tax_id = make_uscc()
		groups.append(sorted(legacy_customer(tax_id=tax_id) for _copy in range(2)))
	refresh_match_keys([name for group in groups for name in group])
	return groups


def bulk_merge() -> str:
	with as_user(MASTER_MANAGER):
		return frappe.get_doc({"doctype": "Customer Bulk Merge", "match_key": "Tax ID"}).insert().name


class TestCustomerBulkMerge(StandardUsersCase):
	def test_dry_run_lists_each_groups_survivor_and_changes_nothing(self):
		groups = shared_tax_id_groups(2)
		name = bulk_merge()
		with as_user(MASTER_MANAGER):
			result = api.bulk_merge_dry_run(name)
		plans = {tuple(plan["customers"]): plan for plan in result["plans"]}
		for group in groups:
			self.assertIn(plans[tuple(group)]["survivor"], group)
		self.assertEqual(frappe.db.count("Customer", {"name": ["in", groups[0] + groups[1]]}), 4)

	def test_a_killed_run_leaves_no_group_half_merged_and_a_second_start_finishes(self):
		groups = shared_tax_id_groups(3)
		frappe.db.commit()
		name = bulk_merge()
		frappe.db.commit()
		calls = []
		real = merge.refresh_match_keys

		def killed_on_the_second_group(customers):
			calls.append(customers)
			if len(calls) == 2:
				raise KeyboardInterrupt
			return real(customers)

		with as_user(MASTER_MANAGER), patch.object(merge, "refresh_match_keys", killed_on_the_second_group):
			self.assertRaises(KeyboardInterrupt, run_bulk_merge, name)
		frappe.db.rollback()
		left = [frappe.db.count("Customer", {"name": ["in", group]}) for group in groups]
		self.assertEqual(sorted(left), [1, 2, 2])
		with as_user(MASTER_MANAGER):
			run_bulk_merge(name)
		self.assertEqual([frappe.db.count("Customer", {"name": ["in", g]}) for g in groups], [1, 1, 1])
		doc = frappe.get_doc("Customer Bulk Merge", name)
		self.assertEqual((doc.status, doc.groups_left), ("Completed", 0))
		self.assertGreaterEqual(doc.groups_merged, 3)

	def test_only_master_managers_and_system_managers_start_one(self):
		name = bulk_merge()
		with as_user(SALES_USER):
			self.assertRaises(frappe.PermissionError, api.bulk_merge_dry_run, name)
			self.assertRaises(frappe.PermissionError, api.start_bulk_merge, name)
