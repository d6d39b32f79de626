"""Import files and imports for integration tests."""

import frappe

from customer_onboarding.tests.unit.test_import_file import customer, workbook_bytes
from customer_onboarding.tests.utils import make_uscc, unique_code


def customer_row(key=None, tax_id=None, name=None, mobile="13800138000", **values) -> list:
	"""A valid Customers row (a company with its USCC and registered address) unless told otherwise."""
	key = key or unique_code(6)
	values.setdefault("registered_address", "北京市朝阳区建国路88号")
	tax_id = make_uscc() if tax_id is None else tax_id
	return customer(name=name or f"导入测试{key}有限公司", key=key, tax_id=tax_id, mobile=mobile, **values)


def import_doc(content: bytes, filename: str = "customers.xlsx", **values):
	file = frappe.get_doc(
		{"doctype": "File", "file_name": filename, "is_private": 1, "content": content}
	).insert(ignore_permissions=True)
	return frappe.get_doc({"doctype": "Customer Import", "import_file": file.file_url, **values}).insert()


__all__ = ["customer_row", "import_doc", "workbook_bytes"]
