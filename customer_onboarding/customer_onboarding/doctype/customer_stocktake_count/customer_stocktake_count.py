from frappe.model.document import Document


class CustomerStocktakeCount(Document):
	"""A row of a stocktake's summary: stocktake/run.py writes it."""
