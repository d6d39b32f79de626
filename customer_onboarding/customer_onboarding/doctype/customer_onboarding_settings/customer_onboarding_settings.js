frappe.ui.form.on("Customer Onboarding Settings", {
	refresh(frm) {
		frm.set_intro(
			__("Turn off every option here and empty the required fields to get stock ERPNext behaviour."),
			"blue"
		);
	},
});
