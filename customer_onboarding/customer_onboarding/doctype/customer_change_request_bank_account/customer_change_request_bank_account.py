from frappe.model.document import Document


class CustomerChangeRequestBankAccount(Document):
	"""A proposed bank account of a change request: change_requests/requests.py fills it and applies it."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		account_name: DF.Data | None
		action: DF.Literal["Add", "Change", "Remove"]
		bank: DF.Link | None
		bank_account: DF.Link | None
		bank_account_no: DF.Data | None
		branch_code: DF.Data | None
		is_default: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
