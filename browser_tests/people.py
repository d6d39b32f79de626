"""The people of customer_onboarding.tests.browser_site, and values a clerk types."""

import random

from customer_onboarding.core.tax_id import uscc_check_character

SALES_ZH = "browser-sales-zh@example.com"
SALES_EN = "browser-sales-en@example.com"
REVIEWER = "browser-reviewer@example.com"
MASTER = "browser-master@example.com"
IMPLEMENTER = "browser-implementer@example.com"
EXISTING_CUSTOMER = "华为技术有限公司"
SALES_USERS = {"zh": SALES_ZH, "en": SALES_EN}


def new_uscc() -> str:
	body = f"91110108{random.randrange(10**9):09d}"
	return body + uscc_check_character(body)


# Names drawn from these characters share few of them, so two of them never look like duplicates.
NAME_CHARACTERS = "安邦昌成达鼎东丰富广国海和恒宏华汇佳嘉建金锦晶聚凯康蓝朗利联隆美明南鹏平祺庆瑞润森盛顺泰天通万威伟文祥新鑫兴旭亚阳耀益远悦泽展正志中卓"


def new_company_name() -> str:
	return "".join(random.sample(NAME_CHARACTERS, 6)) + "科技有限公司"
