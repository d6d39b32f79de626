from setuptools import find_namespace_packages, setup

from customer_onboarding import __version__

with open("requirements.txt") as f:
	install_requires = [line.strip() for line in f if line.strip() and not line.startswith("#")]

setup(
	name="customer_onboarding",
	version=__version__,
	description="Customer master lifecycle for ERPNext: coding rules, checked data, approval, import, review",
	author="customer_onboarding developers",
	author_email="dev@customer-onboarding.invalid",
	packages=find_namespace_packages(include=["customer_onboarding", "customer_onboarding.*"]),
	zip_safe=False,
	include_package_data=True,
	install_requires=install_requires,
	python_requires=">=3.10",
	entry_points={
		"console_scripts": ["customer-onboarding-import = customer_onboarding.importing.client:main"]
	},
)
