import frappe
from frappe.model.document import Document

from customer_onboarding.core.registry import DEFAULT_ACTIVE_STATUSES, DEFAULT_DEREGISTERED_STATUSES
from customer_onboarding.registry.providers import PROVIDER, check_setup


class BusinessRegistryProvider(Document):
	def validate(self):
		self.base_url = (self.base_url or "").strip().rstrip("/")
		check_setup(self)
		self.active_statuses = self.active_statuses or "\n".join(DEFAULT_ACTIVE_STATUSES)
		self.deregistered_statuses = self.deregistered_statuses or "\n".join(DEFAULT_DEREGISTERED_STATUSES)

	def on_update(self):
		"""One default provider: choosing this one unsets the others."""
		if self.is_default:
			frappe.db.set_value(PROVIDER, {"name": ["!=", self.name], "is_default": 1}, "is_default", 0)
