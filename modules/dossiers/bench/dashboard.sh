#!/usr/bin/env bash
# The leaders' dashboard over the whole province (issue 22): its own environment ('egov up' with its own work folder,
# database, Payara domain and ports), the replay's three procedures imported by the province, BENCH_DOSSIERS
# (132807, the replay's count) dossiers written by SQL in the replay's shape (dashboard-seed.sql: 22 months over the
# real tree, the replay's mix of levels, channels, transfers, refusals, with results early, on time and late and
# the recent ones still open), a province leader; then, after a restart of the application server, the first render
# of the dashboard page (the province's whole subtree, this year) and the first answer of its API (JSON, the last
# 22 months), then BENCH_WARM (30) requests of each, one after another: p50/p95/max; the same for a district's
# drill-down and the .xlsx export. Every answer is checked (200, the province's total in it).
#   modules/dossiers/bench/dashboard.sh     (after ./mvnw -DskipTests package; BENCH_KEEP=1 keeps the environment)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-dashboard-bench}"
export EGOV_DB=egov_dashbench EGOV_ROLE_PREFIX=egov_dashbench EGOV_DOMAIN=egov-dashbench EGOV_PORTBASE=${BENCH_PORTBASE:-19700}
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
warm=${BENCH_WARM:-30}
for built in "$cli" "$here/ear/egov-ear/target/egov.ear"; do
  [[ -f "$built" ]] || { echo "missing $built: build first (./mvnw -DskipTests package)" >&2; exit 1; }
done
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d egov_dashbench -qAt "$@"; }
if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_dashbench" >/dev/null 2>&1 || true
  trap 'egov stop >/dev/null 2>&1 || true' EXIT # whatever happens, nothing of this environment is left running
fi
[[ -f "$work.admin-password" ]] || echo "dashboard-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

password="Bench-$(date +%s)-mat-khau"
. "$here/modules/dossiers/bench/new-user.sh"
leader="ld$(date +%s)"
new_user lao-cai "$leader" PROVINCE_ADMIN --subtree
if [[ "$(pg -c "SELECT count(*) FROM dossier WHERE created_by = 'bench'")" == "0" ]]; then
  echo "== the replay's procedures, then ${BENCH_DOSSIERS:-132807} dossiers in the replay's shape (SQL)"
  java "$here/modules/dossiers/bench/Replay.java" procedures > "$work.procedures.json"
  curl -sf -o /dev/null -u "$leader:$password" -H 'Content-Type: application/json' --data-binary @"$work.procedures.json" \
    "$http/api/t/lao-cai/procedures/import"
  start=$(date +%s.%N)
  pg -v n="${BENCH_DOSSIERS:-132807}" -f "$here/modules/dossiers/bench/dashboard-seed.sql"
  echo "   written in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
token=$(curl -sf -u "$leader:$password" -H 'Content-Type: application/json' -d '{"name":"Đo hiệu năng (bảng điều hành)","days":1}' \
  "$http/api/me/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "no API token" >&2; exit 1; }

echo "== the application server restarted: nothing of the dashboard loaded or compiled yet"
egov stop > "$work.restart.log" 2>&1
egov up >> "$work.restart.log" 2>&1 || { cat "$work.restart.log"; exit 1; }
jar="$work.cookies"
rm -f "$jar"
curl -sf -o /dev/null -c "$jar" -d "username=$leader&password=$password" "$http/login"

year=$(TZ=Asia/Ho_Chi_Minh date +%Y)
from=$(TZ=Asia/Ho_Chi_Minh date -d '669 days ago' +%d/%m/%Y)
to=$(TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y)
district=$(pg -c "SELECT code FROM tenant WHERE kind = 'district' AND status = 'active' ORDER BY id LIMIT 1")
page="$http/t/lao-cai/admin/dossier-stats"
api="$http/api/t/lao-cai/dashboard?from=$from&to=$to"
total=$(pg -c "SELECT count(*) FROM dossier WHERE (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN to_date('$from', 'DD/MM/YYYY') AND to_date('$to', 'DD/MM/YYYY')")
check_page() { grep -q 'id="figures"' "$1" || { echo "not the dashboard:" >&2; head -c 600 "$1" >&2; exit 1; }; }
check_api() { grep -q "\"received\":$total," "$1" || { echo "the API's total is not the $total dossiers of the period:" >&2; head -c 600 "$1" >&2; exit 1; }; }
time_page() { curl -s -b "$jar" -o "$work.out" -w '%{http_code} %{time_total}\n' "$1"; }
time_api() { curl -s -H "Authorization: Bearer $token" -o "$work.out" -w '%{http_code} %{time_total}\n' "$1"; }
one() { # kind url check: prints the seconds, fails on another status or answer
  local r; r=$("time_$1" "$2"); [[ "${r%% *}" == "200" ]] || { echo "$2 answered ${r%% *}" >&2; cat "$work.out" | head -c 600 >&2; exit 1; }
  "$3" "$work.out"; echo "${r#* }"
}
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1*1000} END {printf "p50 %.0f ms, p95 %.0f ms, max %.0f ms (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.95+0.5)], a[NR], NR}'; }
series() { local out=(); for _ in $(seq 1 "$warm"); do out+=("$(one "$@")"); done; stats "${out[@]}"; }

echo "== dossiers in the database: $(pg -c "SELECT count(*) FROM dossier"), of them received in the API's period ($from to $to): $total"
echo "first render of the page (the province, this year $year): $(one page "$page" check_page | awk '{printf "%.0f ms", $1*1000}')"
echo "first answer of the API (JSON, the province, 22 months):    $(one api "$api" check_api | awk '{printf "%.0f ms", $1*1000}')"
echo "== warm, $warm requests each, one after another"
echo "page, the province (this year):           $(series page "$page" check_page)"
echo "API, the province (22 months, JSON):      $(series api "$api" check_api)"
echo "page, a district's drill-down ($district): $(series page "$page?within=$district" check_page)"
echo "API, .xlsx of the province (22 months):   $(series api "$api&format=xlsx" true)"
size=$(curl -s -b "$jar" "$page" | wc -c)
echo "the page: $size bytes; overdue now in the province: $(pg -c "SELECT count(*) FROM dossier WHERE finished_at IS NULL AND paused_on IS NULL AND due_date < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date")"
