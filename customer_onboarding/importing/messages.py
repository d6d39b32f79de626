"""Translated messages for problems found in an import file, each placed by sheet, row and column."""

import frappe
from frappe import _

from customer_onboarding.core.importing.parsing import ImportProblem
from customer_onboarding.core.problems import Problem
from customer_onboarding.messages import problem_message


def place(problem: ImportProblem) -> str:
	"""Where the problem is, in the uploaded file's own terms: a mapped file's sheet and heading."""
	sheet, heading = problem.source or (_(problem.sheet), "")
	column = heading or _(problem.column)
	if problem.row and problem.column:
		return _("Sheet {0}, row {1}, column {2}").format(sheet, problem.row, column)
	if problem.row:
		return _("Sheet {0}, row {1}").format(sheet, problem.row)
	if problem.sheet:
		return _("Sheet {0}").format(sheet)
	return _("File")


def import_problem_message(problem: ImportProblem) -> str:
	return f"{place(problem)}: {describe(problem)}"


def describe(problem: ImportProblem) -> str:
	value = frappe.bold(problem.value)
	details = problem.details
	templates = {
		"file_too_large": lambda: _("the file is {0} MB; files up to 10 MB can be imported").format(
			details[0]
		),
		"not_xlsx": lambda: _(
			"{0} is not an Excel workbook (.xlsx); download the template and fill it in"
		).format(value),
		"missing_sheet": lambda: _("the sheet is missing"),
		"mapping_not_found": lambda: _(
			"no sheet of {0} has the headings of the import's column mapping, or none has rows below them"
		).format(value),
		"empty_sheet": lambda: _("the sheet has no customers"),
		"unknown_header": lambda: _("unknown column heading {0}").format(value),
		"missing_header": lambda: _("the required column is missing"),
		"merged_cells": lambda: _("merged cells {0}: unmerge them").format(value),
		"formula": lambda: _("a formula cannot be imported; paste the value instead"),
		"number_as_float": lambda: _(
			"{0} was stored as a decimal number; format the column as text and type it again"
		).format(value),
		"number_too_long": lambda: _(
			"{0} is too long to be kept as a number; format the column as text and type it again"
		).format(value),
		"not_text": lambda: _("{0} must be text").format(value),
		"not_a_number": lambda: _("{0} is not a number").format(value),
		"not_a_whole_number": lambda: _("{0} must be a whole number, 0 or more").format(value),
		"not_yes_no": lambda: _("{0} must be Yes or No").format(value),
		"not_an_option": lambda: _("{0} is not one of the options in the drop-down list").format(value),
		"required": lambda: _("a value is required"),
		"unknown_customer_key": lambda: _(
			"no customer on the Customers sheet has Row Key or Tax ID {0}"
		).format(value),
		"repeated_in_file": lambda: _("{0} is already used in row {1}").format(value, details[0]),
		"no_permission": lambda: _(
			"you may not create {0} records; ask for the role or empty this sheet"
		).format(_(details[0])),
		"unknown_link": lambda: _("{0} {1} does not exist").format(_(details[0]), value),
	}
	if problem.code in templates:
		return templates[problem.code]()
	return rule_problem_message(problem)


def rule_problem_message(problem: ImportProblem) -> str:
	"""Problems found by the customer rules read as they do in the form."""
	customer = frappe.new_doc("Customer")
	fieldname = next((f.fieldname for f in customer.meta.fields if f.label == problem.column), "")
	return problem_message(Problem(problem.code, fieldname, problem.value, problem.details), customer)
