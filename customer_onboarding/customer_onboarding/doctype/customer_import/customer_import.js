frappe.ui.form.on("Customer Import", {
	setup(frm) {
		// Progress of the dry run and of the import comes to the rooms of the imports this page has opened; the
		// title names the step and the import. Their results arrive as document updates, which reload the form.
		frappe.realtime.on("progress", (data) => {
			if (frm.doc && data.title && data.title.includes(frm.doc.name)) {
				frm.dashboard.show_progress(data.title, data.percent, data.description);
			}
		});
	},

	refresh(frm) {
		frm.add_custom_button(__("Download Template"), () => {
			window.open(frappe.urllib.get_full_url(
				"/api/method/customer_onboarding.api.download_customer_template?language=" + frappe.boot.lang
			));
		});
		if (frm.is_new() || !frm.doc.import_file) return;
		if (!["Queued", "Running", "Completed"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Map Columns"), () => map_columns(frm));
			frm.add_custom_button(__("Validate"), () =>
				frappe.xcall("customer_onboarding.api.queue_customer_import_dry_run", { name: frm.doc.name }).then(() => {
					frm.dashboard.show_progress(__("Dry run ({0})", [frm.doc.name]), 0, __("Reading the file"));
				})
			);
		}
		// Also while Running: a share whose worker died leaves its rows to Start Import, which resumes them.
		if (frm.doc.status !== "Completed") {
			frm.add_custom_button(__("Start Import"), () =>
				frappe.xcall("customer_onboarding.api.start_customer_import", { name: frm.doc.name }).then(() => frm.reload_doc())
			).addClass("btn-primary");
		}
		show_problems(frm);
	},
});

function show_problems(frm) {
	const summary = JSON.parse(frm.doc.problems_json || "null");
	if (!summary) return frm.get_field("preview").$wrapper.empty();
	const rows = summary.problems
		.slice(0, 500)
		.map((p) => `<tr><td>${__(p.sheet)}</td><td>${p.row || ""}</td><td>${__(p.column || "")}</td><td>${frappe.utils.escape_html(p.message)}</td></tr>`)
		.join("");
	frm.get_field("preview").$wrapper.html(`
		<p>${__("{0} customers, {1} contacts, {2} bank accounts, {3} problems", [
			summary.customers, summary.contacts, summary.bank_accounts, summary.problems.length,
		])}</p>
		${summary.existing ? `<p>${existing_message(frm, summary.existing)}</p>` : ""}
		${(summary.change_requests || []).length ? `<p>${__("Rows {0} change sensitive fields of enabled customers and will each become a change request", [summary.change_requests.join(", ")])}</p>` : ""}
		${rows ? `<table class="table table-bordered table-sm"><thead><tr><th>${__("Sheet")}</th><th>${__("Row")}</th>
		<th>${__("Column")}</th><th>${__("Problem")}</th></tr></thead><tbody>${rows}</tbody></table>` : ""}`);
}

function existing_message(frm, count) {
	return frm.doc.update_existing
		? __("{0} customers already exist (same Tax ID, Customer Code, or mobile number or e-mail with the same name) and will be updated", [count])
		: __("{0} customers already exist (same Tax ID, Customer Code, or mobile number or e-mail with the same name) and will be skipped", [count]);
}

// A file in another layout (a Kingdee or U8 export): each column with the target suggested for it, to confirm or
// change, saved as a mapping under a name that later imports reuse.
function map_columns(frm) {
	frappe.xcall(
		"customer_onboarding.api.customer_import_columns", { name: frm.doc.name }, "GET",
		{ freeze: true, freeze_message: __("Reading the file's columns") },
	).then((found) => {
		const options = [{ value: "", label: __("Not imported") }].concat(found.targets);
		const fields = [
			{
				fieldname: "mapping_name", fieldtype: "Data", label: __("Mapping Name"), reqd: 1,
				default: found.mapping || "",
				description: __("Saved under this name; later imports of the same kind of file choose it as their Column Mapping"),
			},
			{
				fieldname: "customer_type", fieldtype: "Select", label: __("Customer Type Where the File Has None"),
				options: [
					{ value: "Company", label: __("Company") },
					{ value: "Individual", label: __("Individual") },
					{ value: "Partnership", label: __("Partnership") },
				],
				default: "Company",
			},
			{
				fieldtype: "HTML", fieldname: "intro",
				options: `<p class="text-muted">${__("Headings found in row {0}. Contact 1, Contact 2 and Bank Account 1 are the contacts and bank accounts on the customer's own row.", [found.header_row])}</p>`,
			},
		];
		found.columns.forEach((column, index) => {
			fields.push({
				fieldname: `column_${index}`, fieldtype: "Select", label: column.heading, options,
				default: column.target || "",
				description: column.samples.slice(0, 3).map(frappe.utils.escape_html).join(" · "),
			});
		});
		const dialog = new frappe.ui.Dialog({
			title: __("Map Columns"), fields, size: "large",
			primary_action_label: __("Save Mapping"),
			primary_action(values) {
				const columns = found.columns.map((column, index) => ({
					heading: column.heading, target: values[`column_${index}`] || "",
				}));
				frappe.xcall("customer_onboarding.api.save_customer_import_mapping", {
					name: frm.doc.name, mapping_name: values.mapping_name, columns, customer_type: values.customer_type,
				}).then(() => { dialog.hide(); frm.reload_doc(); });
			},
		});
		dialog.show();
	});
}
