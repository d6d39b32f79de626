import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.change_requests import requests
from customer_onboarding.constants import APPROVED, PENDING_REVIEW, REJECTED
from customer_onboarding.exceptions import ChangeRequestError


class CustomerChangeRequest(Document):
	"""Steps in change_requests/requests.py: the import, registry check and daily job use them too."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from erpnext.selling.doctype.customer_credit_limit.customer_credit_limit import CustomerCreditLimit
		from frappe.types import DF

		from customer_onboarding.customer_onboarding.doctype.customer_change_request_bank_account.customer_change_request_bank_account import (
			CustomerChangeRequestBankAccount,
		)
		from customer_onboarding.customer_onboarding.doctype.customer_change_request_item.customer_change_request_item import (
			CustomerChangeRequestItem,
		)

		applied_on: DF.Datetime | None
		approved_by: DF.Link | None
		bank_accounts: DF.Table[CustomerChangeRequestBankAccount]
		credit_limits: DF.Table[CustomerCreditLimit]
		customer: DF.Link
		customer_import: DF.Link | None
		customer_modified: DF.Datetime | None
		customer_name: DF.Data | None
		effective_date: DF.Date | None
		items: DF.Table[CustomerChangeRequestItem]
		moved_fields: DF.SmallText | None
		reason: DF.SmallText
		review_comment: DF.SmallText | None
		source: DF.Literal["Desk", "Import", "Registry", "Merge"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	def validate(self):
		self.refuse_edit_when_closed()
		if self.is_new():
			requests.prepare_new_request(self)
		elif not self.flags.refreshing:
			requests.keep_recorded_values(self)
		requests.refuse_second_open_request(self)
		requests.mark_changes(self)
		self.check_state_change()

	def on_update(self):
		old, new = self.state_change()
		if old == new or new != APPROVED:
			return
		self.db_set("approved_by", frappe.session.user)
		if requests.is_due(self):
			requests.apply_change_request(self)

	def state_change(self) -> tuple[str | None, str | None]:
		before = self.get_doc_before_save()
		return (before.workflow_state if before else None), self.workflow_state

	def check_state_change(self):
		old, new = self.state_change()
		if old == new:
			return
		if new == PENDING_REVIEW:
			self.review_comment = None
			requests.check_submission(self)
		elif new == APPROVED:
			requests.check_approval(self)
		elif new == REJECTED:
			requests.refuse_self_approval(self)
			if not (self.review_comment or "").strip():
				frappe.throw(
					_("Write a review comment before rejecting the change request"), ChangeRequestError
				)

	def refuse_edit_when_closed(self):
		before = self.get_doc_before_save()
		if before and before.workflow_state in (APPROVED, REJECTED):
			frappe.throw(
				_("Change request {0} is {1} and can no longer be changed").format(
					frappe.bold(self.name), _(before.workflow_state)
				),
				ChangeRequestError,
			)
