"""A registration sent through the public page: checked before it is saved, turned into a draft customer after."""

import frappe
from frappe.model.document import Document

from customer_onboarding.registration.customers import check_registration, create_customer, hand_over
from customer_onboarding.registration.files import store_licence, take_licence
from customer_onboarding.registration.gate import admit


class CustomerRegistration(Document):
	"""Its steps call registration/ (gate, customers, files), shared with the public page."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		business_licence: DF.Attach | None
		company_name: DF.Data
		contact_first_name: DF.Data
		contact_last_name: DF.Data | None
		customer: DF.Link | None
		customer_type: DF.Literal["Company", "Individual", "Partnership"]
		email: DF.Data
		ip_address: DF.Data | None
		licence_upload: DF.LongText | None
		phone: DF.Data
		registered_address: DF.SmallText | None
		tax_id: DF.Data | None
		website: DF.Data | None
	# end: auto-generated types

	def before_insert(self):
		self.ip_address = frappe.local.request_ip
		self.customer = self.business_licence = None
		self.flags.registration_owner = admit(self)
		self.flags.customer_values = check_registration(self)
		self.flags.licence = take_licence(self)

	def after_insert(self):
		customer = create_customer(self, self.flags.customer_values)
		licence = self.flags.licence
		self.db_set(
			{
				"customer": customer.name,
				"business_licence": store_licence(licence, self, customer.name) if licence else None,
			}
		)
		hand_over(customer, self, self.flags.registration_owner)
