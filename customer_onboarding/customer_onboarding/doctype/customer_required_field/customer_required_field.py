from frappe.model.document import Document


class CustomerRequiredField(Document):
	"""A row of the settings' required-field matrix, read through settings.required_matrix."""
