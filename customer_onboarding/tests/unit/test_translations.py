"""Every string a user can see has a Simplified Chinese translation in translations/zh.csv."""

import csv
import json
import re
import unittest
from pathlib import Path

from customer_onboarding import constants
from customer_onboarding.setup.custom_fields import get_custom_fields

APP = Path(__file__).resolve().parents[2]
CALL = re.compile(r"""(?<![\w.])_{1,2}\(\s*(["'])((?:\\.|(?!\1).)+)\1""")
ADJACENT_LITERALS = re.compile(r'"\s*\n\s*"')
LAYOUT_FIELDS = {"Section Break", "Column Break", "Tab Break"}
WEB_FORM_TEXTS = ("title", "introduction_text", "success_title", "success_message", "button_label")


def translated() -> set[str]:
	with (APP / "translations" / "zh.csv").open(encoding="utf-8") as f:
		return {row[0] for row in csv.reader(f) if row and row[1].strip()}


def code_strings() -> set[str]:
	found = set()
	for path in [*APP.rglob("*.py"), *APP.rglob("*.js")]:
		if "tests" in path.parts:
			continue
		text = ADJACENT_LITERALS.sub("", path.read_text(encoding="utf-8"))
		found |= {match.group(2) for match in CALL.finditer(text)}
	return found


def doctype_strings() -> set[str]:
	found = {json.loads(path.read_text(encoding="utf-8"))["name"] for path in APP.glob("*/report/*/*.json")}
	for path in APP.glob("*/doctype/*/*.json"):
		doctype = json.loads(path.read_text(encoding="utf-8"))
		found |= {doctype["name"], doctype.get("description") or ""}
		for field in doctype["fields"]:
			found |= {field.get("label") or "", field.get("description") or ""}
	return found - {""}


def web_form_strings() -> set[str]:
	found = set()
	for path in APP.glob("*/web_form/*/*.json"):
		form = json.loads(path.read_text(encoding="utf-8"))
		found |= {form.get(key) or "" for key in WEB_FORM_TEXTS}
		for field in form["web_form_fields"]:
			found |= {field.get("label") or "", field.get("description") or ""}
			if field["fieldtype"] == "Select":
				found |= set(field["options"].split("\n"))
	return found - {""}


def custom_field_strings() -> set[str]:
	found = set()
	for fields in get_custom_fields().values():
		for field in fields:
			found |= {field.get("label") or "", field.get("description") or ""}
			if field["fieldtype"] == "Select":
				found |= set(field["options"].split("\n"))
	return found - {""}


class TestTranslations(unittest.TestCase):
	def test_code_strings_are_translated(self):
		self.assertEqual(sorted(code_strings() - translated()), [])

	def test_doctype_labels_are_translated(self):
		self.assertEqual(sorted(doctype_strings() - translated()), [])

	def test_workflow_states_actions_and_roles_are_translated(self):
		names = {
			constants.APPROVE,
			constants.APPROVED,
			*constants.OWN_STATES,
			*constants.OWN_ACTIONS,
			*constants.OWN_ROLES,
		}
		self.assertEqual(sorted(names - translated()), [])

	def test_web_form_texts_are_translated(self):
		self.assertEqual(sorted(web_form_strings() - translated()), [])

	def test_custom_field_labels_and_options_are_translated(self):
		self.assertEqual(sorted(custom_field_strings() - translated()), [])
