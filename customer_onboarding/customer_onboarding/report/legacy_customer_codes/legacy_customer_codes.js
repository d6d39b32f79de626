frappe.query_reports["Legacy Customer Codes"] = {
	filters: [
		{ fieldname: "legacy_code", label: __("Legacy Code"), fieldtype: "Data" },
		{ fieldname: "customer_group", label: __("Customer Group"), fieldtype: "Link", options: "Customer Group" },
		{ fieldname: "territory", label: __("Territory"), fieldtype: "Link", options: "Territory" },
	],
};
