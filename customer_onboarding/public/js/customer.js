frappe.ui.form.on("Customer", {
	refresh(frm) {
		if (!frm.is_new() && frm.doc.customer_code && frm.doc.customer_code !== frm.doc.name) {
			frm.dashboard.add_comment(__("Customer Code: {0}", [frm.doc.customer_code.bold()]), "blue", true);
		}
	},
});
