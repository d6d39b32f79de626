import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate


class CustomerStocktake(Document):
	def validate(self):
		if getdate(self.period_from) > getdate(self.period_to):
			frappe.throw(_("{0} must not be after {1}").format(_("Period From"), _("Period To")))
		if self.churn_days is None:
			self.churn_days = 180
