"""Running a stocktake in the background, storing its results and summary, and acting on them."""

import frappe
import pandas as pd
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_days, add_months, get_first_day, getdate, now_datetime, today

from customer_onboarding.core.stocktake import TIERS, tier_moves
from customer_onboarding.data_check.findings import CATEGORY_LABELS
from customer_onboarding.settings import get_settings
from customer_onboarding.stocktake.analysis import RESULT, RESULT_FIELDS, analyse
from customer_onboarding.utils.bulk import insert_rows
from customer_onboarding.utils.notifications import create_todo, todo_exists

STOCKTAKE = "Customer Stocktake"
QUALITY_BUCKETS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))
# Problem codes as the results store them, with the label the counts show (translated in the form).
PROBLEMS = {
	**CATEGORY_LABELS,
	"stale": "Not updated for a long time",
	"registry_outdated": "Registry check missing or outdated",
	"registry_blocking": "Blocking registry mismatch",
}


def queue_stocktake(doc: Document) -> str:
	if doc.status in ("Queued", "Running"):
		return doc.status
	doc.db_set({"status": "Queued", "error": None})
	frappe.enqueue(
		run_stocktake,
		queue="long",
		timeout=3600,
		job_id=f"customer-stocktake::{doc.name}",
		deduplicate=True,
		enqueue_after_commit=True,
		name=doc.name,
	)
	return "Queued"


def run_stocktake(name: str) -> None:
	"""The background job; it analyses what the user who started it may read."""
	doc = frappe.get_doc(STOCKTAKE, name)
	doc.db_set({"status": "Running", "run_by": frappe.session.user, "run_on": now_datetime()}, notify=True)
	frappe.db.commit()
	try:
		results = analyse(doc, lambda percent: publish(doc, percent))
		store_results(doc, results)
		summarise(doc, results)
		doc.db_set("status", "Completed", notify=True)
		publish(doc, 100)
	except Exception:
		frappe.db.rollback()
		frappe.db.set_value(STOCKTAKE, name, {"status": "Failed", "error": frappe.get_traceback()[-1000:]})
		frappe.db.commit()
		raise
	frappe.db.commit()


def publish(doc: Document, percent: float) -> None:
	frappe.publish_progress(
		percent, title=_("Customer stocktake ({0})").format(doc.name), doctype=doc.doctype, docname=doc.name
	)


def store_results(doc: Document, results: pd.DataFrame) -> None:
	"""One result row per customer, then one UPDATE writes tier and scores back to every customer."""
	frappe.db.delete(RESULT, {"stocktake": doc.name})
	now, user = now_datetime(), frappe.session.user
	frame = results.rename(columns={"name": "customer", "last_invoice": "last_purchase_date"})
	# Int columns are NOT NULL in Frappe: a customer without purchases has recency 0 (its tier says why).
	frame["recency_days"] = frame["recency_days"].fillna(0).astype("int64")
	records = frame[list(RESULT_FIELDS)].astype(object).where(frame[list(RESULT_FIELDS)].notna(), None)
	rows = [
		(frappe.generate_hash(length=12), now, now, user, user, doc.name, *values)
		for values in records.itertuples(index=False, name=None)
	]
	fields = ["name", "creation", "modified", "owner", "modified_by", "stocktake", *RESULT_FIELDS]
	insert_rows(RESULT, fields, rows)
	frappe.db.sql(
		"""update `tabCustomer` customer join `tabCustomer Stocktake Result` result
		on result.customer = customer.name
		set customer.value_tier = result.tier, customer.rfm_score = result.rfm_score,
			customer.last_purchase_date = result.last_purchase_date,
			customer.data_quality_score = result.quality_score, customer.data_problems = result.problems,
			customer.last_stocktake_date = %(date)s
		where result.stocktake = %(stocktake)s""",
		{"date": getdate(doc.period_to), "stocktake": doc.name},
	)


def previous_run(doc: Document) -> str | None:
	earlier = frappe.get_all(
		STOCKTAKE,
		{"company": doc.company, "status": "Completed", "name": ["!=", doc.name]},
		pluck="name",
		order_by="run_on desc",
		limit=1,
	)
	return earlier[0] if earlier else None


def tiers_of(stocktake: str | None) -> dict[str, str]:
	if not stocktake:
		return {}
	return dict(frappe.get_all(RESULT, {"stocktake": stocktake}, ["customer", "tier"], as_list=True))


def scores_of(stocktake: str | None) -> list[int]:
	return frappe.get_all(RESULT, {"stocktake": stocktake}, pluck="quality_score") if stocktake else []


def problems_of(stocktake: str | None) -> list[str]:
	return frappe.get_all(RESULT, {"stocktake": stocktake}, pluck="problems") if stocktake else []


def summarise(doc: Document, results: pd.DataFrame) -> None:
	previous = previous_run(doc)
	before, after = tiers_of(previous), dict(zip(results["name"], results["tier"], strict=True))
	counts = [
		count_row(
			"Tier",
			tier,
			list(after.values()).count(tier),
			list(before.values()).count(tier),
			{"value_tier": tier},
		)
		for tier in TIERS
	]
	scores, old_scores = results["quality_score"].tolist(), scores_of(previous)
	for low, high in QUALITY_BUCKETS:
		counts.append(
			count_row(
				"Data Quality",
				f"{low}-{high}",
				sum(low <= s <= high for s in scores),
				sum(low <= (s or 0) <= high for s in old_scores),
				{"data_quality_score": ["between", [low, high]]},
			)
		)
	problems, old_problems = results["problems"].tolist(), problems_of(previous)
	for problem, label in PROBLEMS.items():
		counts.append(
			count_row(
				"Problem",
				label,
				sum(problem in (p or "").split() for p in problems),
				sum(problem in (p or "").split() for p in old_problems),
				{"data_problems": ["like", f"%{problem}%"]},
			)
		)
	for (old, new), moved in sorted(tier_moves(before, after).items()):
		counts.append(count_row("Tier Move", f"{old} → {new}", moved, None, None))
	doc.reload()
	doc.set("counts", counts)
	doc.customers = len(results)
	doc.average_quality = float(results["quality_score"].mean()) if len(results) else 0
	doc.previous_stocktake = previous
	doc.flags.ignore_permissions = True
	doc.save()


def count_row(
	section: str, label: str, customers: int, previous: int | None, customer_filter: dict | None
) -> dict:
	return {
		"section": section,
		"label": label,
		"customers": customers,
		"previous": previous,
		"customer_filter": frappe.as_json(customer_filter) if customer_filter else None,
	}


def create_follow_up_todos(doc: Document, tier: str) -> int:
	"""A ToDo for each account manager per customer of theirs in `tier`, once per customer per run."""
	rows = frappe.get_all(RESULT, {"stocktake": doc.name, "tier": tier}, pluck="customer")
	readable = set(
		frappe.get_list("Customer", {"name": ["in", rows or [""]]}, pluck="name", limit_page_length=0)
	)
	managers = dict(
		frappe.get_all("Customer", {"name": ["in", rows or [""]]}, ["name", "account_manager"], as_list=True)
	)
	description = _("Stocktake {0}: follow up customer in tier {1}").format(doc.name, _(tier))
	created = 0
	for customer in rows:
		manager = managers.get(customer)
		if (
			customer in readable
			and manager
			and not todo_exists(("Customer", customer), manager, description=description)
		):
			create_todo(("Customer", customer), manager, description)
			created += 1
	doc.db_set("follow_ups_created", (doc.follow_ups_created or 0) + created)
	return created


def run_monthly_stocktakes() -> None:
	"""Scheduler, monthly: when the setting is on, a stocktake of the last twelve months for every company."""
	if not get_settings().monthly_stocktake:
		return
	period_to = add_days(get_first_day(today()), -1)
	for company in frappe.get_all("Company", pluck="name"):
		doc = frappe.get_doc(
			{
				"doctype": STOCKTAKE,
				"company": company,
				"period_from": add_days(add_months(period_to, -12), 1),
				"period_to": period_to,
			}
		).insert(ignore_permissions=True)
		queue_stocktake(doc)
