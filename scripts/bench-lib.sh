# Shared by scripts/run-tests and scripts/benchmark: run frappe commands on the bench at $bench, install this
# checkout ($repo) into it, and make a fresh site ($site). Sourced, not run.

bench_owner() { stat -c %U "$bench/sites"; }

# Runs a frappe command the way `bench` does, as the user who owns the bench.
frappe_cmd() {
	local owner
	owner=$(bench_owner)
	if [ "$(id -un)" = "$owner" ]; then
		(cd "$bench/sites" && CI=1 ../env/bin/python -m frappe.utils.bench_helper frappe "$@")
	else
		(cd "$bench/sites" && runuser -u "$owner" -- env CI=1 ../env/bin/python -m frappe.utils.bench_helper frappe "$@")
	fi
}

install_checkout_into_bench() {
	local owner target="$bench/apps/$app"
	owner=$(bench_owner)
	mkdir -p "$target"
	rsync -a --delete --exclude .venv --exclude '*.egg-info' --exclude __pycache__ "$repo/" "$target/"
	chown -R "$owner:" "$target"
	grep -qx "$app" "$bench/sites/apps.txt" || printf '\n%s\n' "$app" >> "$bench/sites/apps.txt"
	sed -i '/^$/d' "$bench/sites/apps.txt"
	runuser -u "$owner" -- "$bench/env/bin/pip" install -q --disable-pip-version-check --no-build-isolation -e "$target"
	# The desk loads the app's public files from sites/assets, as `bench build` links them.
	runuser -u "$owner" -- ln -sfn "$target/$app/public" "$bench/sites/assets/$app"
}

# The MariaDB account that may create databases: root_login in the bench config, as `bench new-site` reads
# root_password from there too.
db_root_login() {
	python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("root_login", "root"))' \
		"$bench/sites/common_site_config.json"
}

# A new site ($site) with ERPNext (and payments where the bench has it), without this app.
stock_site() {
	local root_login extra_apps=()
	root_login=$(db_root_login)
	[ -d "$bench/apps/payments" ] && extra_apps=(--install-app payments)
	frappe_cmd drop-site "$site" --force --no-backup --db-root-username "$root_login" >/dev/null 2>&1
	frappe_cmd new-site "$site" --db-root-username "$root_login" --admin-password admin \
		--install-app erpnext "${extra_apps[@]}" || return 1
	frappe_cmd --site "$site" set-config allow_tests true
}

fresh_site() {
	stock_site || return 1
	frappe_cmd --site "$site" install-app "$app" || return 1
}


# Names the bundles of frappe and erpnext that `bench build` has not made (none when all are there): the desk,
# the quick entry and the web forms need them.
missing_bundles() {
	python3 - "$bench/sites" <<'PY'
import json, os, sys
sites = sys.argv[1]
try:
    with open(os.path.join(sites, "assets", "assets.json")) as f:
        built = json.load(f)
except (OSError, ValueError):
    built = {}
for bundle in ("desk.bundle.js", "web_form.bundle.js", "erpnext.bundle.js"):
    path = built.get(bundle, "")
    if not path or not os.path.exists(os.path.join(sites, path.lstrip("/"))):
        print(bundle)
PY
}
