"""Written by the registration page's gate (customer_onboarding/registration/gate.py); cleared by Log Settings."""

import frappe
from frappe.model.document import Document
from frappe.query_builder import Interval
from frappe.query_builder.functions import Now


class CustomerRegistrationRefusal(Document):
	@staticmethod
	def clear_old_logs(days: int = 30):
		table = frappe.qb.DocType("Customer Registration Refusal")
		frappe.db.delete(table, filters=(table.creation < (Now() - Interval(days=days))))
