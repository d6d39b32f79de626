import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from customer_onboarding.core.change_requests import TABLES, parse_field_list
from customer_onboarding.core.phones import is_known_region
from customer_onboarding.core.visitor import TrustedProxyError, parse_networks
from customer_onboarding.lifecycle import set_workflow_active
from customer_onboarding.match_keys.fill import queue_match_key_refresh
from customer_onboarding.registration.gate import REGISTRATION_DEFAULTS
from customer_onboarding.setup.fields import sync_link_title


class CustomerOnboardingSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from customer_onboarding.customer_onboarding.doctype.customer_required_field.customer_required_field import (
			CustomerRequiredField,
		)

		check_contact_details: DF.Check
		check_data_on_save: DF.Check
		default_phone_region: DF.Data | None
		duplicate_name_threshold: DF.Int
		hold_payments_during_change: DF.Check
		import_workers: DF.Int
		monthly_stocktake: DF.Check
		registration_limit_per_hour: DF.Int
		registration_max_file_mb: DF.Int
		registration_owner: DF.Link | None
		registration_site_limit_per_hour: DF.Int
		registration_trusted_proxies: DF.SmallText | None
		registry_check_days: DF.Int
		require_approval: DF.Check
		require_registry_check: DF.Check
		required_fields: DF.Table[CustomerRequiredField]
		sensitive_fields: DF.SmallText | None
		stale_after_months: DF.Int
		tax_id_scheme: DF.Literal["CN USCC", "None"]
		use_code_as_name: DF.Check

	# end: auto-generated types
	def validate(self):
		self.validate_phone_region()
		self.validate_threshold()
		self.validate_required_fields()
		self.validate_sensitive_fields()
		self.validate_registration_limits()

	def on_update(self):
		sync_link_title(self.use_code_as_name)
		set_workflow_active(self.require_approval)
		if self.has_value_changed("default_phone_region"):
			queue_match_key_refresh()

	def validate_phone_region(self):
		self.default_phone_region = (self.default_phone_region or "").strip().upper()
		if not is_known_region(self.default_phone_region):
			frappe.throw(
				_("{0}: {1} is not a two-letter country code such as CN").format(
					_(self.meta.get_label("default_phone_region")), frappe.bold(self.default_phone_region)
				)
			)

	def validate_threshold(self):
		if not 0 < (self.duplicate_name_threshold or 0) <= 100:
			frappe.throw(
				_("{0} must be between 1 and 100").format(_(self.meta.get_label("duplicate_name_threshold")))
			)

	def validate_registration_limits(self):
		for fieldname in REGISTRATION_DEFAULTS:
			if (self.get(fieldname) or 0) < 1:
				frappe.throw(_("{0} must be at least 1").format(_(self.meta.get_label(fieldname))))
		try:
			parse_networks(self.registration_trusted_proxies)
		except TrustedProxyError as error:
			frappe.throw(
				_("{0}: {1} is not an IP address or network such as 127.0.0.1 or 10.0.0.0/8").format(
					_(self.meta.get_label("registration_trusted_proxies")),
					frappe.bold(escape_html(error.entry)),
				)
			)

	def validate_sensitive_fields(self):
		meta = frappe.get_meta("Customer")
		names = parse_field_list(self.sensitive_fields)
		unknown = [f for f in names if f not in TABLES and not meta.has_field(f)]
		if unknown:
			frappe.throw(
				_("{0}: Customer has no field {1}").format(
					_(self.meta.get_label("sensitive_fields")), ", ".join(frappe.bold(f) for f in unknown)
				)
			)
		self.sensitive_fields = "\n".join(names)

	def validate_required_fields(self):
		seen = set()
		for row in self.required_fields:
			key = (row.customer_type, row.fieldname)
			if key in seen:
				frappe.throw(
					_("Row {0}: {1} is already required for {2}").format(
						row.idx, frappe.bold(row.fieldname), _(row.customer_type)
					)
				)
			seen.add(key)
