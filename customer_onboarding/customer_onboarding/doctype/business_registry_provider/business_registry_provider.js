frappe.ui.form.on("Business Registry Provider", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.enabled) return;
		frm.add_custom_button(__("Check All Customers"), () =>
			frappe.xcall("customer_onboarding.api.check_all_customers_in_registry").then(() =>
				frappe.show_alert({ message: __("The check of all companies runs in the background"), indicator: "blue" })
			)
		);
		frappe.realtime.on("progress", (data) => {
			if (data.title === __("Checking customers in the business registry")) {
				frm.dashboard.show_progress(data.title, data.percent, data.description);
			}
		});
	},
});
