import frappe
import frappe.contacts.doctype.contact.contact as contact_module
import frappe.workflow.doctype.workflow_action.workflow_action as workflow_action_module

from customer_onboarding.importing.lookups import cheaper_lookups
from customer_onboarding.tests.utils import StandardUsersCase, make_customer, unique_code


def contact_linked_to(*links: tuple[str, str]):
	return frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": "测试",
			"links": [{"link_doctype": doctype, "link_name": name} for doctype, name in links],
		}
	).insert()


def replaceable_functions() -> tuple:
	return (
		contact_module.set_link_title,
		workflow_action_module.get_state_optional_field_value,
		workflow_action_module.get_allowed_roles,
	)


def link_titles(contact) -> list[str]:
	return [link.link_title for link in contact.links]


class TestImportLookups(StandardUsersCase):
	def test_a_contact_gets_the_same_link_title_as_without_the_import(self):
		customer = make_customer()
		expected = link_titles(contact_linked_to(("Customer", customer.name)))
		with cheaper_lookups():
			titles = link_titles(contact_linked_to(("Customer", customer.name)))
		self.assertEqual(titles, expected)
		self.assertEqual(titles, [customer.customer_name])

	def test_links_to_other_doctypes_are_titled_by_frappe_itself(self):
		customer = make_customer()
		supplier = frappe.get_doc(
			{
				"doctype": "Supplier",
				"supplier_name": f"供应商 {unique_code()}",
				"supplier_group": "All Supplier Groups",
			}
		).insert()
		with cheaper_lookups():
			contact = contact_linked_to(("Customer", customer.name), ("Supplier", supplier.name))
		self.assertEqual(link_titles(contact), [customer.customer_name, supplier.supplier_name])

	def test_frappe_has_its_own_functions_back_after_the_import(self):
		originals = replaceable_functions()
		with self.assertRaises(RuntimeError):
			with cheaper_lookups():
				self.assertNotEqual(replaceable_functions(), originals)
				raise RuntimeError("the import failed")
		self.assertEqual(replaceable_functions(), originals)
