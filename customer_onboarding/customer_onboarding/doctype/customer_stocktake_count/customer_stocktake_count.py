from frappe.model.document import Document


class CustomerStocktakeCount(Document):
	pass
