"""Whitelisted methods the desk and the remote client call, one module per feature. Each checks permissions and
hands over to the module that owns the rule.

The desk's JavaScript and the remote import client call them as `customer_onboarding.api.<method>`; those paths
keep answering through the names below (tests/test_api_paths.py).
"""

from customer_onboarding.api.change_requests import (
	change_request_rows,
	refresh_change_request,
	set_change_request_comment,
)
from customer_onboarding.api.duplicates import (
	bulk_merge_dry_run,
	customer_merge_preview,
	find_duplicates,
	merge_customer_group,
	merge_customers,
	start_bulk_merge,
)
from customer_onboarding.api.follow_ups import add_follow_up
from customer_onboarding.api.importing import (
	customer_import_columns,
	customer_import_progress,
	download_customer_template,
	queue_customer_import_dry_run,
	save_customer_import_mapping,
	start_customer_import,
	validate_customer_import,
)
from customer_onboarding.api.onboarding import set_review_comment
from customer_onboarding.api.recoding import recode_dry_run, start_recode
from customer_onboarding.api.registry import (
	check_all_customers_in_registry,
	check_registry,
	registry_result,
	request_change_from_registry,
)
from customer_onboarding.api.stocktake import create_stocktake_follow_ups, run_customer_stocktake

__all__ = [
	"add_follow_up",
	"bulk_merge_dry_run",
	"change_request_rows",
	"check_all_customers_in_registry",
	"check_registry",
	"create_stocktake_follow_ups",
	"customer_import_columns",
	"customer_import_progress",
	"customer_merge_preview",
	"download_customer_template",
	"find_duplicates",
	"merge_customer_group",
	"merge_customers",
	"queue_customer_import_dry_run",
	"recode_dry_run",
	"refresh_change_request",
	"registry_result",
	"request_change_from_registry",
	"run_customer_stocktake",
	"save_customer_import_mapping",
	"set_change_request_comment",
	"set_review_comment",
	"start_bulk_merge",
	"start_customer_import",
	"start_recode",
	"validate_customer_import",
]
