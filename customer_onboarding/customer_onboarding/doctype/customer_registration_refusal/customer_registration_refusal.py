"""Written by the registration page's gate (customer_onboarding/registration/gate.py); cleared by Log Settings."""

import frappe
from frappe.model.document import Document
from frappe.query_builder import Interval
from frappe.query_builder.functions import Now


class CustomerRegistrationRefusal(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		ip_address: DF.Data | None
		reason: DF.Literal["Address limit", "Site limit", "Honeypot"]
	# end: auto-generated types

	@staticmethod
	def clear_old_logs(days: int = 30):
		table = frappe.qb.DocType("Customer Registration Refusal")
		frappe.db.delete(table, filters=(table.creation < (Now() - Interval(days=days))))
