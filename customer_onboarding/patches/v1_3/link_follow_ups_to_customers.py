import frappe

LINK_ROWS_TO_THEIR_CUSTOMER = """
	update `tabCustomer Follow Up` follow_up
	join `tabCustomer` customer on customer.name = follow_up.parent
	set follow_up.customer = customer.name, follow_up.customer_name = customer.customer_name
	where follow_up.parenttype = 'Customer' and ifnull(follow_up.customer, '') = ''
"""


def execute():
	"""Follow-ups recorded as rows of a customer become Customer Follow Up records of that customer."""
	if frappe.db.has_column("Customer Follow Up", "parent"):
		frappe.db.sql(LINK_ROWS_TO_THEIR_CUSTOMER)
