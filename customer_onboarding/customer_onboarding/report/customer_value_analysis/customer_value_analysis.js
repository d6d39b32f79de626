frappe.query_reports["Customer Value Analysis"] = {
	filters: [
		{ fieldname: "company", label: __("Company"), fieldtype: "Link", options: "Company", default: frappe.defaults.get_user_default("Company") },
		{ fieldname: "territory", label: __("Territory"), fieldtype: "Link", options: "Territory" },
		{ fieldname: "customer_group", label: __("Customer Group"), fieldtype: "Link", options: "Customer Group" },
		{ fieldname: "account_manager", label: __("Account Manager"), fieldtype: "Link", options: "User" },
		{
			fieldname: "tier",
			label: __("Value Tier"),
			fieldtype: "Select",
			options: ["", "High value", "Potential", "At risk", "Churned", "New", "Low value", "No purchases"],
		},
	],
};
