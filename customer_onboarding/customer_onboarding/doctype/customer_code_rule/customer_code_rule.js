frappe.ui.form.on("Customer Code Rule", {
	refresh(frm) {
		frm.set_intro(
			__("Example: {0} gives BJ-JS-001, BJ-JS-002 for Beijing distributors and SH-JS-001 for Shanghai.", [
				"{territory_code}-{group_code}-###",
			]),
			"blue"
		);
	},
});
