"""A spreadsheet in another layout (a Kingdee or Yonyou U8 export, anybody's list) mapped onto the import template.

A mapping says, for each heading of the source sheet, which template column it fills: a column of the customer,
or a column of the customer's n-th contact or bank account, whose values sit on the customer's own row. The
mapped rows are turned into the template's three sheets, so that everything after reading the file (the checks,
the dry run, the import, its shares and its error report) is the same as for the template.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from customer_onboarding.core.importing.layout import (
	BANK_ACCOUNTS,
	COLUMNS,
	CONTACTS,
	CUSTOMERS,
	DATA_SHEETS,
	Column,
)
from customer_onboarding.core.phones import normalise_phone
from customer_onboarding.core.problems import ProblemError

CONTACT_SLOTS = 3
BANK_SLOTS = 2
HEADER_SCAN_ROWS = 10
SLOT_PREFIX = {CONTACTS: "contact", BANK_ACCOUNTS: "bank"}
SLOT_LABELS = {CONTACTS: ("Contact", "联系人"), BANK_ACCOUNTS: ("Bank Account", "银行账户")}
LINK_COLUMNS = ("row_key", "customer_key")


@dataclass(frozen=True)
class Target:
	"""A template column; `slot` numbers the contact or bank account of a customer's row (0 for the customer)."""

	sheet: str
	key: str
	slot: int = 0

	@property
	def code(self) -> str:
		return self.key if self.sheet == CUSTOMERS else f"{SLOT_PREFIX[self.sheet]}{self.slot}.{self.key}"

	@property
	def column(self) -> Column:
		return next(c for c in COLUMNS[self.sheet] if c.key == self.key)

	def label(self, language: str) -> str:
		chinese = language.startswith("zh")
		name = self.column.zh if chinese else self.column.en
		if self.sheet == CUSTOMERS:
			return name
		slot = SLOT_LABELS[self.sheet][1 if chinese else 0]
		return f"{slot}{self.slot}：{name}" if chinese else f"{slot} {self.slot}: {name}"


def all_targets() -> list[Target]:
	targets = [Target(CUSTOMERS, c.key) for c in COLUMNS[CUSTOMERS] if c.key not in LINK_COLUMNS]
	for sheet, slots in ((CONTACTS, CONTACT_SLOTS), (BANK_ACCOUNTS, BANK_SLOTS)):
		for slot in range(1, slots + 1):
			targets += [Target(sheet, c.key, slot) for c in COLUMNS[sheet] if c.key not in LINK_COLUMNS]
	return targets


TARGETS = {target.code: target for target in all_targets()}


def target_for(code: str | None) -> Target | None:
	return TARGETS.get(code or "")


# Suggestions -------------------------------------------------------------------------------------------------

# Headings seen in exports, by target, after `heading_words`: the template's own, Kingdee 云星空's and Yonyou
# U8's. A heading of a contact or bank column may carry the slot's number (联系人1, 联系人2, Contact 2).
HEADINGS: dict[str, tuple[str, ...]] = {
	"customer_name": ("名称", "客户名称", "客户全称", "公司名称", "单位名称", "企业名称", "name", "customer"),
	"customer_type": ("客户类型", "类型", "type"),
	"customer_group": ("客户分组", "客户分类", "客户组", "分组", "group"),
	"territory": ("区域", "地区", "销售区域", "所属区域", "地区分类", "region"),
	"tax_id": (
		"统一社会信用代码",
		"社会信用代码",
		"信用代码",
		"税号",
		"纳税人识别号",
		"纳税人登记号",
		"税务登记号",
		"uscc",
		"vat",
		"vatid",
		"taxnumber",
	),
	"mobile_no": ("手机", "手机号", "手机号码", "移动电话", "mobile", "mobilephone", "cellphone"),
	"email_id": ("邮箱", "电子邮箱", "电子邮件", "email", "mail"),
	"registered_address": ("注册地址", "地址", "公司地址", "通讯地址", "经营地址", "address"),
	"credit_days": ("信用天数", "信用期", "账期", "付款天数", "creditdays", "paymentdays"),
	"legacy_code": ("编码", "客户编码", "客户代码", "代码", "编号", "客户编号", "code", "customercode", "id"),
	"contact.first_name": ("联系人", "联系人姓名", "联系人名称", "contact", "contactname", "contactperson"),
	"contact.mobile_no": ("联系人手机", "联系手机", "联系人手机号", "contactmobile"),
	"contact.phone": ("联系电话", "电话", "固定电话", "联系人电话", "座机", "phone", "telephone", "tel"),
	"contact.email_id": ("联系人邮箱", "联系邮箱", "联系人电子邮件", "contactemail"),
	"contact.designation": ("职务", "联系人职务", "职位", "title", "designation", "jobtitle"),
	"bank.bank": ("开户银行", "开户行", "银行", "开户银行名称", "bank", "bankname"),
	"bank.bank_account_no": ("银行账号", "账号", "银行帐号", "帐号", "开户账号", "accountno", "bankaccount"),
	"bank.account_name": ("账户名称", "户名", "开户名称", "账户名", "accountname"),
	"bank.branch_code": ("联行号", "开户行行号", "行号", "branchcode", "swift"),
}


def template_headings() -> dict[str, str]:
	"""The template's own headings; where a contact's and the customer's share one (Mobile No), the customer's.
	Not Customer Code: in another system's export, 客户编码 is that system's code, a legacy code here."""
	targets = [t for t in all_targets() if t.slot in (0, 1) and t.code != "customer_code"]
	targets.sort(key=lambda t: t.sheet == CUSTOMERS)
	return {heading_words(text): t.code for t in targets for text in (t.column.en, t.column.zh)}


NUMBERED = re.compile(r"^(.*?)(\d+)$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ACCOUNT = re.compile(r"^\d{12,25}$")
TAX_ID = re.compile(r"^[0-9A-Z]{18}$")


def heading_words(text: Any) -> str:
	"""A heading as compared: no spaces, marks or case; the asterisk of a required column and a unit dropped."""
	text = re.sub(r"[（(][^）)]*[）)]", "", str(text or ""))
	return re.sub(r"[\s*_\-:：./]+", "", text).casefold()


TEMPLATE_HEADINGS = template_headings()


def suggest_targets(headings: Sequence[Any], samples: Sequence[Sequence[Any]]) -> list[str | None]:
	"""A target code for each column, or None: by its heading first, then by its values. A target is suggested
	for one column only; a numbered contact or bank heading (联系人2) takes that slot."""
	suggested: list[str | None] = []
	taken: set[str] = set()
	for index, heading in enumerate(headings):
		looks_like = by_values(row[index] for row in samples if index < len(row))
		code = by_heading(heading) or looks_like
		if code and code.endswith(".phone") and looks_like == "mobile_no":
			code = code.replace(".phone", ".mobile_no")
		suggested.append(code if code and code not in taken else None)
		if code:
			taken.add(code)
	return suggested


def by_heading(heading: Any) -> str | None:
	words = heading_words(heading)
	if not words:
		return None
	if words in TEMPLATE_HEADINGS:
		return TEMPLATE_HEADINGS[words]
	match = NUMBERED.match(words)
	base, slot = (match.group(1), int(match.group(2))) if match else (words, 1)
	for generic, texts in HEADINGS.items():
		if base in texts or words in texts:
			number = slot if base in texts else 1
			return slot_code(generic, number)
	return None


def slot_code(code: str, slot: int) -> str | None:
	"""`contact.phone` with slot 2 is `contact2.phone`; a customer column has no slot; a slot beyond the last
	one offered is not suggested."""
	prefix, dot, key = code.partition(".")
	if not dot:
		return code
	numbered = f"{prefix}{slot}.{key}"
	return numbered if numbered in TARGETS else None


def by_values(values: Iterable[Any]) -> str | None:
	"""What most of a column's filled cells look like: tax IDs, mobiles, e-mails or account numbers."""
	texts = [sample_text(v) for v in values]
	texts = [t for t in texts if t]
	if not texts:
		return None
	for code, looks_like in (
		("tax_id", lambda t: bool(TAX_ID.match(t))),
		("mobile_no", is_mobile),
		("email_id", lambda t: bool(EMAIL.match(t))),
		("bank1.bank_account_no", lambda t: bool(ACCOUNT.match(t))),
	):
		if sum(map(looks_like, texts)) * 10 >= len(texts) * 8:
			return code
	return None


def is_mobile(text: str) -> bool:
	"""A mobile number by the app's own phone rule, read in China, where exports without +86 come from."""
	try:
		return bool(normalise_phone(text, "CN", mobile=True))
	except ProblemError:
		return False


def sample_text(value: Any) -> str:
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	return re.sub(r"[\s-]", "", str(value if value is not None else "")).upper()


# Reading a mapped sheet ------------------------------------------------------------------------------------


def find_header_row(rows: Sequence[Sequence[Any]], headings: Iterable[str]) -> int | None:
	"""The index of the row that holds the most of the mapping's headings, among the first rows (title rows,
	merged or not, may sit above it); None when no row holds half of them."""
	wanted = {heading_words(h) for h in headings if heading_words(h)}
	best, best_count = None, 0
	for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
		count = len(wanted & {heading_words(cell) for cell in row})
		if count > best_count:
			best, best_count = index, count
	return best if wanted and best_count * 2 >= len(wanted) else None


def guess_header_row(rows: Sequence[Sequence[Any]]) -> int:
	"""Without a mapping yet: the first of the first rows with the most headings any target is known by."""
	counts = [sum(bool(by_heading(cell)) for cell in row) for row in rows[:HEADER_SCAN_ROWS]]
	return counts.index(max(counts)) if counts and max(counts) else 0


class MappedRow(NamedTuple):
	"""A row of a template sheet made from a row of the uploaded sheet: its number there, its values in the
	template's column order, the uploaded heading of each template column it fills (by English name), and the
	uploaded row with the uploaded headings."""

	number: int
	raw: tuple
	headings: dict[str, str]
	cells: tuple
	header: tuple


def to_template_rows(
	sheet_index: int,
	header_row: int,
	rows: Sequence[Sequence[Any]],
	targets: Sequence[str | None],
	defaults: dict[str, Any] | None = None,
) -> dict[str, list[MappedRow]]:
	"""The data rows below `header_row` (indexes of `rows`, counted from 0; row numbers from 1) as the template's
	three sheets, by sheet. Each customer gets a row key of its own, which its contacts and bank accounts point
	at, and `defaults` where its row is blank."""
	result: dict[str, list[MappedRow]] = {sheet: [] for sheet in DATA_SHEETS}
	columns = [target_for(code) for code in targets]
	header = tuple(rows[header_row]) if header_row < len(rows) else ()
	headings = uploaded_headings(header, columns)
	for index in range(header_row + 1, len(rows)):
		cells = rows[index]
		if all(is_blank(cell) for cell in cells):
			continue
		number = index + 1
		key = f"{sheet_index + 1}-{number}"
		values: dict[tuple[str, int], dict[str, Any]] = {(CUSTOMERS, 0): dict(defaults or {})}
		for cell, target in zip(cells, columns, strict=False):
			if target and not is_blank(cell):
				values.setdefault((target.sheet, target.slot), {})[target.key] = cell
		for (sheet, slot), filled in sorted(values.items(), key=lambda item: item[0][1]):
			link = "row_key" if sheet == CUSTOMERS else "customer_key"
			raw = template_row(sheet, filled | {link: key})
			result[sheet].append(
				MappedRow(number, raw, headings.get((sheet, slot), {}), tuple(cells), header)
			)
	return result


def uploaded_headings(
	header: Sequence[Any], columns: Sequence[Target | None]
) -> dict[tuple[str, int], dict[str, str]]:
	"""For each template sheet and slot, the uploaded heading of each template column, by English name."""
	found: dict[tuple[str, int], dict[str, str]] = {}
	for cell, target in zip(header, columns, strict=False):
		if target and not is_blank(cell):
			found.setdefault((target.sheet, target.slot), {})[target.column.en] = str(cell).strip()
	return found


def template_row(sheet: str, values: dict[str, Any]) -> tuple:
	return tuple(values.get(column.key) for column in COLUMNS[sheet])


def is_blank(value: Any) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def template_headers() -> dict[str, tuple]:
	return {sheet: tuple(c.en for c in COLUMNS[sheet]) for sheet in DATA_SHEETS}
