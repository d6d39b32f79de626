import frappe
from frappe.model.document import Document

from customer_onboarding.core.registry import DEFAULT_ACTIVE_STATUSES, DEFAULT_DEREGISTERED_STATUSES
from customer_onboarding.registry.providers import PROVIDER, check_setup, forget_providers


class BusinessRegistryProvider(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active_statuses: DF.SmallText | None
		auth_header_name: DF.Data | None
		auth_header_value: DF.Password | None
		base_url: DF.Data
		cache_days: DF.Int
		deregistered_statuses: DF.SmallText | None
		enabled: DF.Check
		is_default: DF.Check
		provider_name: DF.Data
		request_template: DF.Data
		response_mapping: DF.Code
		retries: DF.Int
		timeout_seconds: DF.Float

	# end: auto-generated types
	def validate(self):
		self.base_url = (self.base_url or "").strip().rstrip("/")
		check_setup(self)
		self.active_statuses = self.active_statuses or "\n".join(DEFAULT_ACTIVE_STATUSES)
		self.deregistered_statuses = self.deregistered_statuses or "\n".join(DEFAULT_DEREGISTERED_STATUSES)

	def on_update(self):
		"""One default provider: choosing this one unsets the others."""
		forget_providers()
		if self.is_default:
			frappe.db.set_value(PROVIDER, {"name": ["!=", self.name], "is_default": 1}, "is_default", 0)

	def on_trash(self):
		forget_providers()
