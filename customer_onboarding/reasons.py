from frappe import _


def reason_labels(reasons: list[str]) -> list[str]:
	labels = {
		"same_tax_id": _("same Tax ID"),
		"same_phone": _("same phone"),
		"same_email": _("same email"),
		"similar_name": _("similar name"),
	}
	return [labels.get(reason, reason) for reason in reasons]
