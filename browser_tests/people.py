"""The people of customer_onboarding.tests.browser_site, and values a clerk types."""

import random

from customer_onboarding.core.tax_id import uscc_check_character

SALES_ZH = "browser-sales-zh@example.com"
SALES_EN = "browser-sales-en@example.com"
REVIEWER = "browser-reviewer@example.com"
MASTER = "browser-master@example.com"
EXISTING_CUSTOMER = "华为技术有限公司"
SALES_USERS = {"zh": SALES_ZH, "en": SALES_EN}


def new_uscc() -> str:
	body = f"91110108{random.randrange(10**9):09d}"
	return body + uscc_check_character(body)


def new_company_name() -> str:
	return f"浏览器测试{random.randrange(10**6):06d}有限公司"
