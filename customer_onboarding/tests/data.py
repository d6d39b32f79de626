"""Synthetic Chinese customers for benchmarks and test exports: realistic names, valid USCCs, mobiles, a few
near-duplicates."""

import random

from customer_onboarding.core.tax_id import uscc_check_character

CITIES = "北京 上海 广州 深圳 杭州 南京 成都 武汉 西安 苏州 天津 重庆 长沙 郑州 青岛 厦门 宁波 合肥 济南 沈阳".split()
INDUSTRIES = "科技 贸易 实业 电子 食品 机械 物流 医药 建材 化工 服饰 家居 能源 传媒 咨询 软件 汽车 环保 农业 教育".split()
SUFFIXES = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]
BRAND_CHARS = "华中兴泰达鑫盛源昌隆恒通宏远博创新海天宇德信安康瑞丰聚金辰光明星百佳联合益嘉美亿祥福润和正威"


def uscc(serial: int) -> str:
	body = f"91{110000 + serial % 800000:06d}{serial:09d}"
	return body + uscc_check_character(body)


def company_name(rng: random.Random) -> str:
	brand = "".join(rng.choice(BRAND_CHARS) for _ in range(rng.choice((2, 3, 3, 4))))
	return f"{rng.choice(CITIES)}{brand}{rng.choice(INDUSTRIES)}{rng.choice(SUFFIXES)}"


def customers(count: int, seed: int = 7, start: int = 0) -> list[dict]:
	"""`count` companies; one in fifty repeats an earlier brand with another suffix, as real data does."""
	rng = random.Random(seed)
	rows, seen = [], set()
	for i in range(start, start + count):
		name = company_name(rng)
		if rows and rng.random() < 0.02:
			name = rows[rng.randrange(len(rows))]["customer_name"].replace("有限公司", "股份有限公司", 1)
		while name in seen:
			name = company_name(rng)
		seen.add(name)
		rows.append(
			{
				"customer_name": name,
				"customer_type": "Company",
				"tax_id": uscc(i + 1),
				"mobile_no": f"+86139{i:08d}",
				"registered_address": f"{name[:2]}市示例路{i % 999 + 1}号",
			}
		)
	return rows
