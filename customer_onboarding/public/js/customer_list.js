frappe.listview_settings["Customer"] = frappe.listview_settings["Customer"] || {};
const customer_onboarding_previous_onload = frappe.listview_settings["Customer"].onload;
frappe.listview_settings["Customer"].onload = function (listview) {
	if (customer_onboarding_previous_onload) customer_onboarding_previous_onload(listview);
	if (!frappe.model.can_create("Customer Import")) return;
	listview.page.add_inner_button(__("Download Import Template"), () => {
		window.open(frappe.urllib.get_full_url(
			"/api/method/customer_onboarding.api.download_customer_template?language=" + frappe.boot.lang
		));
	}, __("Import"));
	listview.page.add_inner_button(__("Import from Excel"), () => frappe.new_doc("Customer Import"), __("Import"));
};
