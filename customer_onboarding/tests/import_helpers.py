"""Import files and imports for integration tests."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from customer_onboarding.importing import importer
from customer_onboarding.tests.exports import KINGDEE_HEADINGS, KINGDEE_TARGETS
from customer_onboarding.tests.unit.test_import_file import customer, workbook_bytes
from customer_onboarding.tests.utils import make_standard_users, make_uscc, make_user, unique_code

IMPORTER = "co-importer@example.com"


def customer_row(key=None, tax_id=None, name=None, mobile="13800138000", **values) -> list:
	"""A valid Customers row (a company with its USCC and registered address) unless told otherwise."""
	key = key or unique_code(6)
	values.setdefault("registered_address", "北京市朝阳区建国路88号")
	tax_id = make_uscc() if tax_id is None else tax_id
	return customer(name=name or f"导入测试{key}有限公司", key=key, tax_id=tax_id, mobile=mobile, **values)


def kingdee_mapping() -> str:
	"""A saved mapping of the Kingdee export's headings, as the Map Columns dialog suggests them."""
	columns = [
		{"heading": heading, "target": target}
		for heading, target in zip(KINGDEE_HEADINGS, KINGDEE_TARGETS, strict=True)
	]
	mapping = {
		"doctype": "Customer Import Mapping",
		"mapping_name": f"Kingdee {unique_code()}",
		"columns": columns,
	}
	return frappe.get_doc(mapping).insert().name


def import_doc(content: bytes, filename: str = "customers.xlsx", **values):
	file = frappe.get_doc(
		{"doctype": "File", "file_name": filename, "is_private": 1, "content": content}
	).insert(ignore_permissions=True)
	return frappe.get_doc({"doctype": "Customer Import", "import_file": file.file_url, **values}).insert()


class ImportCase(FrappeTestCase):
	"""Each test as a Customer Master Manager who may also create bank accounts, rolled back after it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		make_standard_users()
		make_user(IMPORTER, "Customer Master Manager", "Sales User", "Accounts User")

	def setUp(self):
		frappe.set_user(IMPORTER)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def resumed_after_a_kill(self, import_name: str) -> dict:
		"""Kill the import after its first batch of two rows, check that they alone are done, start it again and
		return its totals."""

		def killed(*args):
			raise KeyboardInterrupt

		with patch.object(importer, "BATCH", 2), self.assertRaises(KeyboardInterrupt):
			importer.run_import(import_name, progress=killed)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("Customer Import Log", {"customer_import": import_name}), 2)
		return importer.run_import(import_name)


__all__ = ["IMPORTER", "ImportCase", "customer_row", "import_doc", "kingdee_mapping", "workbook_bytes"]
