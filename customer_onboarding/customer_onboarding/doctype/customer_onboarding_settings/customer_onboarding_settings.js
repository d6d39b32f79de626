frappe.ui.form.on("Customer Onboarding Settings", {
	refresh(frm) {
		frm.set_intro(
			__("Switch off the first three options to get stock ERPNext behaviour."),
			"blue"
		);
	},
});
