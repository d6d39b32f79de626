"""The customer import workbook: sheets, columns in English and Simplified Chinese, and the rule of each column."""

from dataclasses import dataclass

CUSTOMERS, CONTACTS, BANK_ACCOUNTS, INSTRUCTIONS, LISTS = (
	"Customers",
	"Contacts",
	"Bank Accounts",
	"Instructions",
	"Lists",
)
SHEET_TITLES = {
	CUSTOMERS: "客户",
	CONTACTS: "联系人",
	BANK_ACCOUNTS: "银行账户",
	INSTRUCTIONS: "说明",
	LISTS: "列表",
}
DATA_SHEETS = (CUSTOMERS, CONTACTS, BANK_ACCOUNTS)


@dataclass(frozen=True)
class Column:
	key: str
	en: str
	zh: str
	kind: str = "text"  # text, phone, id, int, email, flag, choice, key
	required: bool = False
	rule: tuple[str, str] = ("", "")
	list_name: str = ""  # drop-down list on the Lists sheet


CUSTOMER_TYPES = {"Company": "公司", "Individual": "个人", "Partnership": "合伙企业"}
CATEGORIES = {"VIP": "VIP 客户", "Regular": "普通客户", "Potential": "潜在客户"}
FLAGS = {
	"yes": True,
	"no": False,
	"是": True,
	"否": False,
	"1": True,
	"0": False,
	"true": True,
	"false": False,
}

CUSTOMER_KEY = Column(
	"customer_key",
	"Customer Key",
	"客户键",
	"key",
	True,
	("Row Key or Tax ID of the customer on the Customers sheet", "客户表中该客户的行键或税号"),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
	CUSTOMERS: (
		Column(
			"row_key",
			"Row Key",
			"行键",
			"key",
			rule=(
				"Any text unique in this sheet; contacts and bank accounts may point at it",
				"本表内唯一的任意文本；联系人和银行账户可用它指向客户",
			),
		),
		Column(
			"customer_name",
			"Customer Name",
			"客户名称",
			required=True,
			rule=("Full registered name", "营业执照上的完整名称"),
		),
		Column(
			"customer_type",
			"Customer Type",
			"客户类型",
			"choice",
			True,
			("Company, Individual or Partnership", "公司、个人或合伙企业"),
			"customer_type",
		),
		Column(
			"customer_group",
			"Customer Group",
			"客户组",
			list_name="customer_group",
			rule=("An existing customer group", "已有的客户组"),
		),
		Column(
			"territory",
			"Territory",
			"区域",
			list_name="territory",
			rule=("An existing territory", "已有的区域"),
		),
		Column(
			"customer_category",
			"Customer Category",
			"客户类别",
			"choice",
			rule=("VIP, Regular or Potential", "VIP 客户、普通客户或潜在客户"),
			list_name="customer_category",
		),
		Column(
			"tax_id",
			"Tax ID",
			"税号",
			"id",
			rule=(
				"Unified Social Credit Code for companies; enter as text",
				"公司填写统一社会信用代码；请以文本格式输入",
			),
		),
		Column(
			"mobile_no",
			"Mobile No",
			"手机号",
			"phone",
			rule=(
				"Mobile number; +country code for numbers outside the default region",
				"手机号码；默认地区以外的号码请加 +国家代码",
			),
		),
		Column("email_id", "Email", "电子邮件", "email", rule=("Email address", "电子邮件地址")),
		Column(
			"registered_address",
			"Registered Address",
			"注册地址",
			rule=("Address on the business licence", "营业执照上的地址"),
		),
		Column(
			"account_manager",
			"Account Manager",
			"客户经理",
			"email",
			rule=("User ID (email) of the account manager", "客户经理的用户账号（邮箱）"),
		),
		Column(
			"credit_days",
			"Credit Days",
			"信用天数",
			"int",
			rule=("Whole number of days, 0 or more", "天数，0 或正整数"),
		),
		Column(
			"customer_code",
			"Customer Code",
			"客户编码",
			rule=(
				"Leave empty: the code is made by rule. Used to match existing customers",
				"留空：编码按规则生成。填写时用于匹配已有客户",
			),
		),
		Column(
			"legacy_code",
			"Legacy Code",
			"旧编码",
			"id",
			rule=(
				"The customer's code in the system it came from: kept as the customer code when the import "
				"says so and the code is free, otherwise stored as the legacy code",
				"客户在原系统中的编码：导入设置为保留且该编码未被占用时作为客户编码，否则保存为旧编码",
			),
		),
	),
	CONTACTS: (
		CUSTOMER_KEY,
		Column("first_name", "First Name", "名", required=True, rule=("Contact's name", "联系人的名")),
		Column("last_name", "Last Name", "姓", rule=("Family name", "联系人的姓")),
		Column("mobile_no", "Mobile No", "手机号", "phone", rule=("Mobile number", "手机号码")),
		Column("phone", "Phone", "电话", "phone", rule=("Landline with area code", "带区号的固定电话")),
		Column("email_id", "Email", "电子邮件", "email", rule=("Email address", "电子邮件地址")),
		Column("designation", "Designation", "职务", rule=("Job title", "职务")),
		Column(
			"is_primary", "Is Primary", "主要联系人", "flag", rule=("Yes or No", "是或否"), list_name="flag"
		),
	),
	BANK_ACCOUNTS: (
		CUSTOMER_KEY,
		Column(
			"bank",
			"Bank",
			"开户银行",
			required=True,
			rule=("Bank name; created if new", "银行名称；不存在时自动创建"),
		),
		Column(
			"bank_account_no",
			"Account No",
			"银行账号",
			"id",
			True,
			("Account number; enter as text", "银行账号；请以文本格式输入"),
		),
		Column(
			"account_name",
			"Account Name",
			"账户名称",
			rule=("Defaults to the customer name", "默认为客户名称"),
		),
		Column("branch_code", "Branch Code", "联行号", "id", rule=("Bank branch code", "开户行联行号")),
		Column(
			"is_default", "Is Default", "默认账户", "flag", rule=("Yes or No", "是或否"), list_name="flag"
		),
	),
}

SAMPLE_ROWS = {
	CUSTOMERS: (
		"C1",
		"北京示例科技有限公司",
		"Company",
		"",
		"",
		"Regular",
		"91110108551385082Q",
		"13800138000",
		"info@example.com",
		"北京市海淀区中关村大街1号",
		"",
		30,
		"",
		"",
	),
	CONTACTS: ("C1", "三", "张", "13900139000", "010-65529988", "zhang@example.com", "采购经理", "Yes"),
	BANK_ACCOUNTS: (
		"C1",
		"中国工商银行",
		"0200001234567890123",
		"北京示例科技有限公司",
		"102100000013",
		"Yes",
	),
}


def header(column: Column, language: str) -> str:
	return column.zh if language.startswith("zh") else column.en


def rule(column: Column, language: str) -> str:
	return column.rule[1] if language.startswith("zh") else column.rule[0]


def sheet_title(sheet: str, language: str) -> str:
	return SHEET_TITLES[sheet] if language.startswith("zh") else sheet


def column_for_header(sheet: str, text: str) -> Column | None:
	wanted = (text or "").strip().rstrip("*").strip().casefold()
	return next((c for c in COLUMNS[sheet] if wanted in (c.en.casefold(), c.zh.casefold(), c.key)), None)


def sheet_for_title(title: str) -> str | None:
	wanted = (title or "").strip().casefold()
	return next((s for s, zh in SHEET_TITLES.items() if wanted in (s.casefold(), zh)), None)
