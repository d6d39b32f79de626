const STATE_COLOURS = {
	Draft: "gray",
	"Pending Review": "orange",
	Returned: "red",
	Approved: "blue",
	Enabled: "green",
	Disabled: "darkgrey",
};

frappe.ui.form.on("Customer", {
	refresh(frm) {
		if (frm.is_new()) return;
		show_customer_code(frm);
		show_onboarding_state(frm);
		add_follow_up_button(frm);
		show_follow_ups(frm);
		show_change_request(frm);
	},

	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "Return") return;
		frappe.dom.unfreeze();
		return ask_review_comment(frm).then(() => frappe.dom.freeze());
	},
});

function show_customer_code(frm) {
	if (frm.doc.customer_code && frm.doc.customer_code !== frm.doc.name) {
		frm.dashboard.add_comment(__("Customer Code: {0}", [frm.doc.customer_code.bold()]), "blue", true);
	}
}

function show_onboarding_state(frm) {
	const state = frm.doc.workflow_state;
	if (!state) return;
	frm.page.set_indicator(__(state), STATE_COLOURS[state] || "gray");
	if (state === "Returned" && frm.doc.review_comment) {
		frm.set_intro(__("Returned for changes: {0}", [frappe.utils.escape_html(frm.doc.review_comment)]), "red");
	}
}

function ask_review_comment(frm) {
	return new Promise((resolve, reject) => {
		const dialog = new frappe.ui.Dialog({
			title: __("Return for changes"),
			fields: [{ fieldname: "comment", fieldtype: "Small Text", label: __("Review Comment"), reqd: 1 }],
			primary_action_label: __("Return"),
			primary_action({ comment }) {
				frappe
					.xcall("customer_onboarding.api.set_review_comment", { customer: frm.doc.name, comment })
					.then(() => {
						// Settle before hiding: hiding calls onhide, which would cancel the action.
						resolve();
						dialog.hide();
					}, reject);
			},
		});
		dialog.onhide = () => reject();
		dialog.show();
	});
}

// The latest follow-ups, newest first; every one is in the Follow-ups connection of the dashboard.
function show_follow_ups(frm) {
	const field = frm.get_field("follow_up_history");
	if (!field) return;
	const rows = (frm.doc.__onload && frm.doc.__onload.follow_ups) || [];
	if (!rows.length) {
		field.$wrapper.html(`<p class="text-muted">${__("No follow-ups yet")}</p>`);
		return;
	}
	const cell = (value) => `<td>${frappe.utils.escape_html(value || "")}</td>`;
	const headings = ["Date and Time", "Channel", "Summary", "Result", "Next Follow-up Date", "Recorded By"];
	const body = rows
		.map((row) =>
			[
				`<tr><td><a href="/app/customer-follow-up/${encodeURIComponent(row.name)}">`,
				`${frappe.utils.escape_html(frappe.datetime.str_to_user(row.follow_up_on))}</a></td>`,
				cell(__(row.channel)),
				cell(row.summary),
				cell(row.result),
				cell(row.next_follow_up_date && frappe.datetime.str_to_user(row.next_follow_up_date)),
				cell(row.recorded_by),
				"</tr>",
			].join("")
		)
		.join("");
	field.$wrapper.html(
		`<table class="table table-bordered table-sm"><thead><tr>${headings
			.map((h) => `<th>${__(h)}</th>`)
			.join("")}</tr></thead><tbody>${body}</tbody></table>`
	);
}

function add_follow_up_button(frm) {
	frm.add_custom_button(__("Add Follow-up"), () => {
		const dialog = new frappe.ui.Dialog({
			title: __("Add Follow-up"),
			fields: [
				{ fieldname: "channel", fieldtype: "Select", label: __("Channel"), default: "Phone",
					options: ["Phone", "Visit", "Email", "WeChat", "Meeting", "Other"].map((value) => ({ value, label: __(value) })) },
				{ fieldname: "contact", fieldtype: "Link", label: __("Contact"), options: "Contact",
					get_query: () => ({ filters: { link_doctype: "Customer", link_name: frm.doc.name } }) },
				{ fieldname: "summary", fieldtype: "Small Text", label: __("Summary"), reqd: 1 },
				{ fieldname: "result", fieldtype: "Small Text", label: __("Result") },
				{ fieldname: "next_step", fieldtype: "Small Text", label: __("Next Step") },
				{ fieldname: "next_follow_up_date", fieldtype: "Date", label: __("Next Follow-up Date") },
			],
			primary_action_label: __("Save"),
			primary_action(values) {
				frappe
					.xcall("customer_onboarding.api.add_follow_up", { customer: frm.doc.name, ...values })
					.then(() => {
						dialog.hide();
						frm.reload_doc();
					});
			},
		});
		dialog.show();
	});
}

frappe.ui.form.on("Customer", {
	onload: mark_required_fields,
	refresh: mark_required_fields,
	customer_type: mark_required_fields,
	customer_name: warn_about_duplicates,
	tax_id: warn_about_duplicates,
});

// The fields the required-field matrix asks of this customer type carry the required mark, as the type changes.
function mark_required_fields(frm) {
	for (const fieldname of customer_onboarding.matrix_fields()) {
		frm.toggle_reqd(fieldname, customer_onboarding.is_required(frm.doc.customer_type, fieldname));
	}
}

function warn_about_duplicates(frm) {
	if (frm.is_new()) customer_onboarding.warn_about_duplicates(frm.doc);
}

function show_change_request(frm) {
	const request = (frm.doc.__onload || {}).change_request;
	if (request && request.workflow_state === "Approved" && request.effective_date) {
		frm.dashboard.set_headline_alert(
			__("Change {0} takes effect on {1}", [request.name.bold(), frappe.datetime.str_to_user(request.effective_date)]),
			"blue"
		);
	} else if (request) {
		frm.dashboard.set_headline_alert(__("Change request {0} is open ({1})", [request.name.bold(), __(request.workflow_state)]), "orange");
	}
	if (frm.doc.workflow_state !== "Enabled" || request) return;
	frm.add_custom_button(__("Request Change"), () =>
		frappe.new_doc("Customer Change Request", { customer: frm.doc.name })
	);
}

// Business registry (工商信息核验): a check when a company's tax ID is entered, or from the button; the facts are
// shown beside the fields they concern, with what differs.
const ORGANISATION_TYPES = ["Company", "Partnership"];
const REGISTRY_FACTS = {
	registered_name: "Registered Name",
	status: "Registry Status",
	legal_representative: "Legal Representative",
	registered_address: "Registered Address",
	registered_capital: "Registered Capital",
	establishment_date: "Establishment Date",
};

frappe.ui.form.on("Customer", {
	onload(frm) {
		frm.get_docfield("registry_mismatches").formatter = (value) =>
			frappe.utils.escape_html((value || "").split("\n").map((line) => __(line)).join("\n"));
	},

	refresh(frm) {
		frm.get_field("registry_facts").$wrapper.empty();
		if (!frm.is_new() && frm.doc.registry_check) {
			frappe.xcall("customer_onboarding.api.registry_result", { customer: frm.doc.name }).then((result) => {
				if (result) show_registry_facts(frm, result);
			});
		}
		if (!frappe.boot.customer_onboarding_registry || !ORGANISATION_TYPES.includes(frm.doc.customer_type)) return;
		if (frm.is_new() || frm.perm[0].write) frm.add_custom_button(__("Check Registry"), () => check_registry(frm));
	},

	tax_id(frm) {
		if (frappe.boot.customer_onboarding_registry && ORGANISATION_TYPES.includes(frm.doc.customer_type)
			&& (frm.doc.tax_id || "").replace(/\s/g, "").length === 18) {
			check_registry(frm);
		}
	},
});

function check_registry(frm) {
	// Values on screen that are not saved yet are checked as typed; the check is linked when the form is saved.
	const typed = frm.is_new() || frm.is_dirty();
	const args = typed
		? { tax_id: frm.doc.tax_id, customer_name: frm.doc.customer_name, registered_address: frm.doc.registered_address }
		: { customer: frm.doc.name };
	frappe.xcall("customer_onboarding.api.check_registry", args).then((result) => {
		if (typed) {
			frm.set_value("registry_check", result.check);
			show_registry_facts(frm, result);
		} else {
			frm.reload_doc();
		}
	});
}

function show_registry_facts(frm, result) {
	const escape = frappe.utils.escape_html;
	const rows = Object.entries(REGISTRY_FACTS)
		.filter(([fact]) => result.facts[fact])
		.map(([fact, label]) => `<tr><td class="text-muted">${__(label)}</td><td>${escape(result.facts[fact])}</td></tr>`)
		.join("");
	const mismatches = result.mismatch_labels.length
		? `<p class="${result.blocking ? "text-danger" : "text-warning"}">${result.mismatch_labels.map(escape).join("<br>")}</p>`
		: `<p class="text-success">${__("Matches the registry")}</p>`;
	const missing = result.missing.length
		? `<p class="text-muted small">${__("The provider's answer lacked: {0}", [result.missing.map((f) => __(REGISTRY_FACTS[f])).join(", ")])}</p>`
		: "";
	const $box = $(`<div class="registry-facts border rounded p-3 mb-3">
		<div class="mb-2"><b>${__("Business Registry")}</b>
			<span class="text-muted small">${escape(result.provider)} · ${frappe.datetime.str_to_user(result.checked_on)}</span></div>
		${result.found ? `<table class="table table-sm mb-2">${rows}</table>` : ""}
		${mismatches}${missing}</div>`);
	add_registry_action(frm, result, $box);
	frm.get_field("registry_facts").$wrapper.html($box);
}

// On a new customer the registry's name and address are taken with one click; on an enabled one, a registry
// change becomes a change request.
function add_registry_action(frm, result, $box) {
	const differs = result.mismatches.some((code) => ["name_differs", "address_differs"].includes(code));
	if (!result.found || !differs) return;
	if (frm.is_new()) {
		$(`<button class="btn btn-xs btn-default">${__("Use Registry Name and Address")}</button>`)
			.appendTo($box)
			.on("click", () => {
				frm.set_value("customer_name", result.facts.registered_name);
				if (result.facts.registered_address) frm.set_value("registered_address", result.facts.registered_address);
				check_registry(frm);
			});
	} else if (frm.doc.workflow_state === "Enabled" && !frm.is_dirty()) {
		$(`<button class="btn btn-xs btn-default">${__("Request Change from Registry")}</button>`)
			.appendTo($box)
			.on("click", () =>
				frappe.xcall("customer_onboarding.api.request_change_from_registry", { customer: frm.doc.name })
					.then((request) => frappe.set_route("Form", "Customer Change Request", request))
			);
	}
}
