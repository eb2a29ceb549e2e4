#!/usr/bin/env bash
# Portal figures (issue 5), on this machine with the real pieces ('egov up': Payara with the EAR, PostgreSQL, Solr)
# in their own work folder, database and ports:
#   1. cold render of the province's home page: 20 items rolled up from its whole subtree (~195 units, each with
#      BENCH_PER_UNIT published articles), measured as the first request after the page cache was invalidated
#      (a theme save through the API), BENCH_COLD times;
#   2. warm home pages of a commune and of the province under load: wrk -t2 -c64 (each target first gets a warm-up
#      round that is not reported), each next to two ceilings of its own size measured in the same run: a static
#      file and a bare JAX-RS resource returning a constant (a throw-away WAR, see BenchCeiling.java); then both
#      pages again as browsers ask for them (Accept-Encoding: gzip);
#   3. the public services' pages of issue 22 under the same load: a commune's procedures, a procedure's page and the
#      province's finder across its units.
#   modules/portal/bench/load.sh     (after ./mvnw -DskipTests package; needs wrk; BENCH_KEEP=1 keeps the environment;
#   BENCH_SECONDS=20 per measured round, BENCH_WARMUP=20 per warm-up round, BENCH_ROUNDS=1 rounds of page and ceilings)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-portal-bench}"
export EGOV_DB=egov_pbench EGOV_ROLE_PREFIX=egov_pbench EGOV_DOMAIN=egov-pbench EGOV_PORTBASE=${BENCH_PORTBASE:-19300}
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
seconds=${BENCH_SECONDS:-20}
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { PGPASSWORD="$(grep '^owner.password' "$work/run/secrets.properties" | cut -d= -f2)" \
       psql -h "${PGHOST:-127.0.0.1}" -U egov_pbench_owner -d egov_pbench -qAt "$@"; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_pbench" >/dev/null 2>&1 || true
fi
[[ -f "$work.admin-password" ]] || echo "portal-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

echo "== data: ${BENCH_PER_UNIT:-6} published articles per unit"
pg -v per_unit="${BENCH_PER_UNIT:-6}" -f "$here/modules/portal/bench/seed.sql"
# counted under the province's subtree scope (row-level security is forced on the owner too)
pg -c "BEGIN" -c "SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = 'lao-cai')::text, true), set_config('app.subtree', 'on', true)" \
   -c "SELECT 'units: ' || count(DISTINCT tenant_id) || ', live articles: ' || count(*) || ', shared upward: ' || count(*) FILTER (WHERE share_upward) FROM portal_article WHERE created_by = 'bench'" \
   -c "COMMIT" | grep units

user="bench$(date +%s)"
otp=$(egov add-user --unit lao-cai --username "$user" --name "Đo hiệu năng" --role PROVINCE_ADMIN --subtree | sed -n 's/.*dùng lần đầu): //p')
password="Bench-$(date +%s)-mat-khau"
curl -sf -o /dev/null -u "$user:$otp" -H 'Content-Type: application/json' \
  -d "{\"currentPassword\":\"$otp\",\"newPassword\":\"$password\"}" "$http/api/me/password"

echo "== 1. cold render of the province home page (20 items rolled up from its subtree)"
theme='{"primary":"#a4161a","accent":"#0b4f8a","layout":"classic"}'
cold=() warm=()
for i in $(seq 1 "${BENCH_COLD:-20}"); do
  curl -sf -o /dev/null -u "$user:$password" -X PUT -H 'Content-Type: application/json' -d "$theme" "$http/api/t/lao-cai/portal/theme"
  cold+=("$(curl -s -o /dev/null -w '%{time_total}' "$http/t/lao-cai/")")
  warm+=("$(curl -s -o /dev/null -w '%{time_total}' "$http/t/lao-cai/")")
done
curl -s "$http/t/lao-cai/" | grep -c 'class="rolled-up"' >/dev/null || { echo "no rolled-up section on the province page"; exit 1; }
rolled=$(curl -s "$http/t/lao-cai/" | grep -o 'class="rolled-up">.*' | sed 's|</section>.*||' | grep -o '<li>' | wc -l)
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1*1000} END {printf "median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)\n", a[int((NR+1)/2)], a[int(NR*0.95+0.5)], a[NR], NR}'; }
echo "rolled-up items on the page: $rolled"
echo "cold (first request after invalidation): $(stats "${cold[@]}")"
echo "warm (the next request, same client):    $(stats "${warm[@]}")"

echo "== 2. warm home pages under load, each next to the two ceilings of its own size"
commune=$(pg -c "SELECT code FROM tenant WHERE nlevel(path) = 3 AND status = 'active' ORDER BY id LIMIT 1")
size=$(curl -s "$http/t/$commune/" | wc -c)
large=$(curl -s "$http/t/lao-cai/" | wc -c)
gz() { curl -s -H 'Accept-Encoding: gzip' "$1" | wc -c; }
echo "home page of $commune: $size bytes ($(gz "$http/t/$commune/") gzipped); province home page: $large bytes ($(gz "$http/t/lao-cai/") gzipped)"
# the ceilings: a throw-away WAR with static files and bare JAX-RS resources of the same sizes
war="$work/bench-war"
rm -rf "$war" && mkdir -p "$war/WEB-INF/classes"
head -c "$size" /dev/zero | tr '\0' 'x' > "$war/static.html"
head -c "$large" /dev/zero | tr '\0' 'x' > "$war/static-large.html"
api=$(find "$work/payara6/glassfish/modules" -name 'jakarta.ws.rs-api*.jar' | head -1)
javac -d "$war/WEB-INF/classes" -cp "$api" "$here/modules/portal/bench/BenchCeiling.java"
asadmin="$work/payara6/bin/asadmin --port $((EGOV_PORTBASE + 48))"
$asadmin undeploy egov-bench >/dev/null 2>&1 || true
$asadmin create-jvm-options "-Dbench.size=$size:-Dbench.size.large=$large" >/dev/null 2>&1 || true
$asadmin restart-domain "$EGOV_DOMAIN" >/dev/null
$asadmin deploy --name egov-bench --contextroot bench "$war" >/dev/null
until curl -sf -o /dev/null "$http/t/$commune/"; do sleep 1; done
echo "static: $(curl -s "$http/bench/static.html" | wc -c) and $(curl -s "$http/bench/static-large.html" | wc -c) bytes," \
     "constants: $(curl -s "$http/bench/api/constant" | wc -c) and $(curl -s "$http/bench/api/constant-large" | wc -c) bytes"

warmed=" "
run() { # name url [header]: a warm-up round the first time a url is asked, then the measured one; its req/s in $rps
  local h=(); [[ -n "${3:-}" ]] && h=(-H "$3")
  if [[ "$warmed" != *" $2|${3:-} "* ]]; then
    wrk -t2 -c64 -d"${BENCH_WARMUP:-$seconds}s" "${h[@]}" "$2" >/dev/null
    warmed+="$2|${3:-} "
  fi
  local out; out=$(wrk -t2 -c64 -d"${seconds}s" --latency "${h[@]}" "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  printf '%-40s %10s req/s   p50 %8s   p99 %8s   errors: %s\n' "$1" "$rps" \
    "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
    "$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ' || true)"
}
# BENCH_ROUNDS rounds of the three, one after another, so that a drift of the machine's speed touches page and ceilings
# alike; the ratio to the static file is taken per round (the round's page over the round's static file), then its median
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratios() { # name static-name static-url constant-name constant-url page-url
  local r=() c=()
  for round in $(seq 1 "${BENCH_ROUNDS:-1}"); do
    run "$2" "$3"; local s=$rps
    run "$4" "$5"; local k=$rps
    run "$1 (round $round)" "$6"
    r+=("$(awk -v p="$rps" -v s="$s" 'BEGIN {printf "%.2f", p / s}')")
    c+=("$(awk -v p="$rps" -v s="$k" 'BEGIN {printf "%.2f", p / s}')")
  done
  echo "$1: to the static file ${r[*]} (median $(median "${r[@]}")); to the bare JAX-RS constant ${c[*]} (median $(median "${c[@]}"))"
}
ratios "commune home page (warm)" "static file ($size B)" "$http/bench/static.html" \
  "bare JAX-RS constant ($size B)" "$http/bench/api/constant" "$http/t/$commune/"
ratios "province home page (warm)" "static file ($large B)" "$http/bench/static-large.html" \
  "bare JAX-RS constant ($large B)" "$http/bench/api/constant-large" "$http/t/lao-cai/"
# as browsers ask for it: the page cache keeps each page gzipped too
run "commune home page (warm, gzip)" "$http/t/$commune/" "Accept-Encoding: gzip"
run "province home page (warm, gzip)" "$http/t/lao-cai/" "Accept-Encoding: gzip"
# the public services' pages (issue 22): a procedure of the province's catalogue that the commune adopted, the commune's
# list of procedures, the procedure's page, and the province's finder across its units (not cached by the portal)
procedure='{"code":"1.000001.H38","name":"Đăng ký khai sinh","sector":"Hộ tịch","level":"commune","onlineLevel":"full","timeLimitDays":1,
 "channels":["online","counter"],"papers":[{"id":"to-khai","name":"Tờ khai","originals":1}],"fees":[{"description":"Lệ phí","amount":0}],
 "result":"Giấy khai sinh","legalBasis":"Luật Hộ tịch 2014","form":{"fields":[{"name":"fullName","label":"Họ và tên","type":"text","required":true}]},
 "process":{"start":"tiep-nhan","steps":[{"id":"tiep-nhan","name":"Tiếp nhận","role":"RECEIVER","days":0},
  {"id":"xu-ly","name":"Xử lý","role":"HANDLER","days":1},{"id":"tra","name":"Trả kết quả","role":"RECEIVER","days":0,"end":true}],
  "transitions":[{"from":"tiep-nhan","to":"xu-ly"},{"from":"xu-ly","to":"tra"}]}}'
curl -sf -o /dev/null -u "$user:$password" -H 'Content-Type: application/json' -d "[$procedure]" "$http/api/t/lao-cai/procedures/import"
curl -sf -o /dev/null -u "$user:$password" -X PUT "$http/api/t/$commune/procedures/adopted/1.000001.H38"
run "commune's procedures (warm)" "$http/t/$commune/procedures"
run "a procedure's page (warm)" "$http/t/$commune/procedures/1.000001.H38"
run "province's finder (warm)" "$http/t/lao-cai/procedures/find?q=dang+ky+khai+sinh"
$asadmin undeploy egov-bench >/dev/null || true
$asadmin delete-jvm-options "-Dbench.size=$size:-Dbench.size.large=$large" >/dev/null 2>&1 || true

if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
fi
