from frappe.model.document import Document

from customer_onboarding.follow_ups import (
	protect_follow_up,
	refuse_unless_may_change,
	update_next_follow_up_date,
)


class CustomerFollowUp(Document):
	"""A follow-up of a customer, in its own table rather than in the customer's, so that a customer's save does
	not read, lock and rewrite its follow-ups."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal["Phone", "Visit", "Email", "WeChat", "Meeting", "Other"]
		contact: DF.Link | None
		customer: DF.Link
		customer_name: DF.Data | None
		follow_up_on: DF.Datetime
		next_follow_up_date: DF.Date | None
		next_step: DF.SmallText | None
		recorded_by: DF.Link | None
		result: DF.SmallText | None
		summary: DF.SmallText
	# end: auto-generated types

	def validate(self):
		protect_follow_up(self)

	def on_update(self):
		update_next_follow_up_date(self.customer)

	def on_trash(self):
		refuse_unless_may_change(self)

	def after_delete(self):
		update_next_follow_up_date(self.customer)
