"""Fields the app adds to ERPNext doctypes. Plain data: install, migrate and uninstall all read it."""

from customer_onboarding.core.stocktake import TIERS

MODULE = "Customer Onboarding"


def _field(**properties) -> dict:
	return {"module": MODULE, **properties}


def get_custom_fields() -> dict[str, list[dict]]:
	return {
		"Customer": [
			_field(
				fieldname="customer_onboarding_tab",
				fieldtype="Tab Break",
				label="Customer Onboarding",
				insert_after="portal_users",
			),
			_field(
				fieldname="customer_code",
				fieldtype="Data",
				label="Customer Code",
				insert_after="customer_onboarding_tab",
				read_only=1,
				unique=1,
				no_copy=1,
				bold=1,
				in_standard_filter=1,
				in_global_search=1,
			),
			_field(
				fieldname="legacy_code",
				fieldtype="Data",
				label="Legacy Code",
				insert_after="customer_code",
				search_index=1,
				no_copy=1,
				in_standard_filter=1,
				in_global_search=1,
				description="The customer's code in the system it came from",
			),
			_field(
				fieldname="customer_category",
				fieldtype="Select",
				label="Customer Category",
				options="\nVIP\nRegular\nPotential",
				insert_after="legacy_code",
				in_standard_filter=1,
			),
			_field(
				fieldname="credit_days",
				fieldtype="Int",
				label="Credit Days",
				insert_after="customer_category",
				non_negative=1,
				description="Sales are refused while an invoice is unpaid longer than this many days",
			),
			_field(
				fieldname="customer_onboarding_column",
				fieldtype="Column Break",
				insert_after="credit_days",
			),
			_field(
				fieldname="registered_address",
				fieldtype="Small Text",
				label="Registered Address",
				insert_after="tax_id",
			),
			_field(
				fieldname="workflow_state",
				fieldtype="Link",
				label="Onboarding State",
				options="Workflow State",
				insert_after="customer_onboarding_column",
				read_only=1,
				no_copy=1,
				in_standard_filter=1,
				allow_on_submit=1,
			),
			_field(
				fieldname="review_comment",
				fieldtype="Small Text",
				label="Review Comment",
				insert_after="workflow_state",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="last_change_request",
				fieldtype="Link",
				label="Last Change Request",
				options="Customer Change Request",
				insert_after="review_comment",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="enabled_on",
				fieldtype="Datetime",
				label="Enabled On",
				insert_after="last_change_request",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="registry_facts",
				fieldtype="HTML",
				label="Business Registry",
				insert_after="email_id",
			),
			_field(
				fieldname="registry_section",
				fieldtype="Section Break",
				label="Business Registry Check",
				insert_after="enabled_on",
			),
			_field(
				fieldname="registry_check",
				fieldtype="Link",
				label="Registry Check",
				options="Business Registry Check",
				insert_after="registry_section",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="registry_provider",
				fieldtype="Link",
				label="Registry Provider",
				options="Business Registry Provider",
				insert_after="registry_check",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="registry_checked_on",
				fieldtype="Datetime",
				label="Registry Checked On",
				insert_after="registry_provider",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="registry_column",
				fieldtype="Column Break",
				insert_after="registry_checked_on",
			),
			_field(
				fieldname="registry_mismatches",
				fieldtype="Small Text",
				label="Registry Mismatches",
				insert_after="registry_column",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="registry_blocking",
				fieldtype="Check",
				label="Blocking Registry Mismatch",
				insert_after="registry_mismatches",
				read_only=1,
				no_copy=1,
				in_standard_filter=1,
			),
			_field(
				fieldname="stocktake_section",
				fieldtype="Section Break",
				label="Stocktake",
				insert_after="registry_blocking",
				collapsible=1,
			),
			_field(
				fieldname="value_tier",
				fieldtype="Select",
				label="Value Tier",
				options="\n" + "\n".join(TIERS),
				insert_after="stocktake_section",
				read_only=1,
				no_copy=1,
				in_standard_filter=1,
			),
			_field(
				fieldname="rfm_score",
				fieldtype="Data",
				label="RFM Score",
				insert_after="value_tier",
				read_only=1,
				no_copy=1,
				description="Recency, frequency and monetary value, each scored 1-5, from the last stocktake",
			),
			_field(
				fieldname="data_quality_score",
				fieldtype="Int",
				label="Data Quality Score",
				insert_after="rfm_score",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="stocktake_column",
				fieldtype="Column Break",
				insert_after="data_quality_score",
			),
			_field(
				fieldname="last_purchase_date",
				fieldtype="Date",
				label="Last Purchase Date",
				insert_after="stocktake_column",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="last_stocktake_date",
				fieldtype="Date",
				label="Last Stocktake Date",
				insert_after="last_purchase_date",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="data_problems",
				fieldtype="Small Text",
				label="Data Problems",
				insert_after="last_stocktake_date",
				read_only=1,
				no_copy=1,
			),
			_field(
				fieldname="follow_up_section",
				fieldtype="Section Break",
				label="Follow-ups",
				insert_after="data_problems",
			),
			_field(
				fieldname="next_follow_up_date",
				fieldtype="Date",
				label="Next Follow-up Date",
				insert_after="follow_up_section",
				read_only=1,
				no_copy=1,
				in_standard_filter=1,
				search_index=1,
			),
			_field(
				fieldname="follow_up_history",
				fieldtype="HTML",
				label="Latest Follow-ups",
				insert_after="next_follow_up_date",
			),
		],
		"Sales Order": [credit_override_field("terms")],
		"Sales Invoice": [credit_override_field("terms")],
		"Territory": [
			_field(
				fieldname="territory_code",
				fieldtype="Data",
				label="Territory Code",
				insert_after="territory_name",
				description="Used in customer codes; children without a code use their parent's",
			),
		],
		"Customer Group": [
			_field(
				fieldname="group_code",
				fieldtype="Data",
				label="Customer Group Code",
				insert_after="customer_group_name",
				description="Used in customer codes; children without a code use their parent's",
			),
		],
	}


def credit_override_field(insert_after: str) -> dict:
	return _field(
		fieldname="credit_override_reason",
		fieldtype="Small Text",
		label="Credit Override Reason",
		insert_after=insert_after,
		no_copy=1,
		description="Credit Controllers only: why this sale may go ahead although the customer has overdue invoices",
	)


def data_fieldnames(doctype: str) -> list[str]:
	"""Fields of ours that own a database column (not layout breaks)."""
	layout = {"Tab Break", "Section Break", "Column Break", "HTML"}
	return [f["fieldname"] for f in get_custom_fields()[doctype] if f["fieldtype"] not in layout]
