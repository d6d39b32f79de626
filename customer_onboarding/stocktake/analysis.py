"""One stocktake run: read the invoices (aggregated per customer in SQL), score with pandas, write back.

Only customers the user who runs it may read are analysed. The write-back to Customer is one UPDATE joined to
the run's result rows: no controller, no new `modified`, no Version, so it never counts as a user edit.
"""

import frappe
import pandas as pd
from frappe.model.document import Document
from frappe.utils import add_months, get_datetime, getdate, now_datetime

from customer_onboarding.core.registry import is_fresh
from customer_onboarding.core.required import required_fields_for
from customer_onboarding.core.stocktake import Period, quality_score, rfm_table
from customer_onboarding.core.tax_id import ORGANISATION_TYPES
from customer_onboarding.data_check.findings import find_problems
from customer_onboarding.registry.providers import has_provider
from customer_onboarding.settings import get_settings, required_matrix

RESULT = "Customer Stocktake Result"
STOCKTAKE_INDEX = "customer_onboarding_stocktake"
STOCKTAKE_INDEX_FIELDS = ("company", "docstatus", "is_return", "customer", "posting_date", "base_grand_total")
RESULT_FIELDS = (
	"customer",
	"tier",
	"rfm_score",
	"recency_days",
	"frequency",
	"monetary",
	"tenure_days",
	"last_purchase_date",
	"quality_score",
	"problems",
)


def analyse(doc: Document, progress) -> pd.DataFrame:
	"""Every readable customer's tier, scores and data quality for this stocktake."""
	period = Period(getdate(doc.period_from), getdate(doc.period_to), doc.churn_days or 0)
	customers = readable_customers()
	progress(10)
	in_period, history = purchases(doc.company, period)
	progress(40)
	table = rfm_table(in_period, history, customers, period)
	progress(60)
	quality = data_quality(customers)
	progress(80)
	return table.merge(quality, left_on="name", right_index=True, how="left")


def readable_customers() -> pd.DataFrame:
	fields = [
		"name",
		"creation",
		"modified",
		"customer_type",
		"tax_id",
		"registry_checked_on",
		"registry_blocking",
	]
	rows = frappe.get_list("Customer", fields=fields, limit_page_length=0, order_by="name", as_list=True)
	return pd.DataFrame.from_records(rows, columns=fields)


def purchases(company: str, period: Period) -> tuple[pd.DataFrame, pd.DataFrame]:
	"""Per customer: invoices and their total inside the period, and first and last invoice up to its end.

	One pass over the app's covering index (see `setup.indexes.index_sales_invoices`): through the customer index, the
	database would fetch every wide invoice row one by one, many times slower once the table outgrows its buffer
	pool.
	"""
	rows = frappe.db.sql(
		"""select customer,
			sum(posting_date >= %(start)s), sum(if(posting_date >= %(start)s, base_grand_total, 0)),
			min(posting_date), max(posting_date)
		from `tabSales Invoice`
		where docstatus = 1 and is_return = 0 and company = %(company)s and posting_date <= %(end)s
		group by customer""",
		{"company": company, "start": period.start, "end": period.end},
	)
	frame = pd.DataFrame.from_records(
		rows, columns=["customer", "frequency", "monetary", "first_invoice", "last_invoice"]
	)
	frame = frame.astype({"frequency": "int64", "monetary": "float64"})
	return frame[frame["frequency"] > 0], frame[["customer", "first_invoice", "last_invoice"]]


def data_quality(customers: pd.DataFrame) -> pd.DataFrame:
	"""Score and problems per customer, from the Customer Data Check's findings and the last update."""
	names = customers["name"].tolist()
	problems: dict[str, set[str]] = {name: set() for name in names}
	missing: dict[str, int] = dict.fromkeys(names, 0)
	for finding in find_problems(names):
		problems[finding.customer].add(finding.category)
		missing[finding.customer] += finding.category == "missing_field"
	for name, found in registry_problems(customers).items():
		problems[name] |= found
	stale_before = pd.Timestamp(add_months(now_datetime(), -(get_settings().stale_after_months or 12)))
	stale = dict(zip(names, pd.to_datetime(customers["modified"]) < stale_before, strict=True))
	required = dict(
		zip(
			names,
			[len(required_fields_for(required_matrix(), t)) for t in customers["customer_type"]],
			strict=True,
		)
	)
	rows = {
		name: (
			quality_score(
				1 - missing[name] / max(required[name], 1),
				0.0 if problems[name] & {"invalid_tax_id", "bad_phone", "bad_email"} else 1.0,
				0.0 if "shared_key" in problems[name] else 1.0,
				0.0 if stale[name] else 1.0,
			),
			" ".join(sorted(problems[name] | ({"stale"} if stale[name] else set()))),
		)
		for name in names
	}
	return pd.DataFrame.from_dict(rows, orient="index", columns=["quality_score", "problems"])


def registry_problems(customers: pd.DataFrame) -> dict[str, set[str]]:
	"""Companies and partnerships whose registry check is missing or older than the settings' days, or shows a
	blocking mismatch; counted only where a registry provider is set up."""
	if not has_provider():
		return {}
	days, now = get_settings().registry_check_days or 30, now_datetime()
	found = {}
	for row in customers.itertuples(index=False):
		if row.customer_type not in ORGANISATION_TYPES or not row.tax_id:
			continue
		checked_on = None if pd.isna(row.registry_checked_on) else get_datetime(row.registry_checked_on)
		found[row.name] = {"registry_outdated"} if not is_fresh(checked_on, now, days) else set()
		if row.registry_blocking:
			found[row.name].add("registry_blocking")
	return found
