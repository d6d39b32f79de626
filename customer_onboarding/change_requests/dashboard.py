"""The Customer dashboard lists the customer's change requests with its other connections."""

from frappe import _


def customer_dashboard(data: dict) -> dict:
	data.setdefault("transactions", []).append(
		{"label": _("Change Control"), "items": ["Customer Change Request"]}
	)
	return data
