"""The Customer dashboard lists the customer's follow-ups and change requests with its other connections."""

from frappe import _


def customer_dashboard(data: dict) -> dict:
	data.setdefault("transactions", []).extend(
		[
			{"label": _("Follow-ups"), "items": ["Customer Follow Up"]},
			{"label": _("Change Control"), "items": ["Customer Change Request"]},
		]
	)
	return data
