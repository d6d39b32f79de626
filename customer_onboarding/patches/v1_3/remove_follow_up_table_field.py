import frappe


def execute():
	"""Follow-ups leave the customer's table for a doctype of their own: the customer's Table field goes before
	the doctype stops being a child table. The rows stay; `link_follow_ups_to_customers` keeps them."""
	frappe.delete_doc_if_exists("Custom Field", "Customer-follow_ups")
