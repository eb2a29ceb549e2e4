#!/usr/bin/env bash
# Public pages (issue 22): every page a citizen opens on a commune's site, warm, under wrk -t2 -c64, each next to the
# two ceilings of its own size measured in the same run (a static file; a bare JAX-RS resource returning a constant,
# BenchCeiling.Sized), the ratio taken per round and its median over BENCH_ROUNDS; p50/p99 as wrk reports them. Then
# the lookup page under 200 concurrent clients (the form; and with a code, where one network address gets 30 answers
# a minute and the rest are 429: counted, not hidden). Its own environment ('egov up': Payara with the EAR,
# PostgreSQL, Solr) in its own work folder, database and ports; data: the portal's seed (BENCH_PER_UNIT articles per
# unit), three procedures (one per level) imported by the province and adopted by a commune, one dossier submitted
# there, and one published feedback report when the EAR has the feedback module.
#   modules/portal/bench/pages.sh     (after ./mvnw -DskipTests package; needs wrk; BENCH_KEEP=1 keeps the environment;
#   BENCH_SECONDS=10 per measured round, BENCH_WARMUP=10 per warm-up, BENCH_ROUNDS=1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-pages-bench}"
export EGOV_DB=egov_gbench EGOV_ROLE_PREFIX=egov_gbench EGOV_DOMAIN=egov-gbench EGOV_PORTBASE=${BENCH_PORTBASE:-19800}
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
seconds=${BENCH_SECONDS:-10}
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { PGPASSWORD="$(grep '^owner.password' "$work/run/secrets.properties" | cut -d= -f2)" \
       psql -h "${PGHOST:-127.0.0.1}" -U egov_gbench_owner -d egov_gbench -qAt "$@"; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_gbench" >/dev/null 2>&1 || true
  trap 'egov stop >/dev/null 2>&1 || true' EXIT
fi
[[ -f "$work.admin-password" ]] || echo "pages-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")" EGOV_OIDC=off
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

echo "== data"
pg -v per_unit="${BENCH_PER_UNIT:-6}" -f "$here/modules/portal/bench/seed.sql"
password="Bench-$(date +%s)-mat-khau"
. "$here/modules/dossiers/bench/new-user.sh"
stamp=$(date +%s)
commune=$(pg -c "SELECT code FROM tenant WHERE nlevel(path) = 3 AND kind = 'commune' AND status = 'active' ORDER BY id LIMIT 1")
new_user lao-cai "pb$stamp" PROVINCE_ADMIN --subtree
new_user "$commune" "qt$stamp" UNIT_ADMIN
new_user "$commune" "cd$stamp" CITIZEN
java "$here/modules/dossiers/bench/Replay.java" procedures > "$work.procedures.json"
curl -sf -o /dev/null -u "pb$stamp:$password" -H 'Content-Type: application/json' --data-binary @"$work.procedures.json" \
  "$http/api/t/lao-cai/procedures/import"
procedure=1.999103.H38
curl -sf -o /dev/null -u "qt$stamp:$password" -X PUT "$http/api/t/$commune/procedures/adopted/$procedure"
# one dossier, for the lookup by code
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' > "$work.paper.pdf"
code=$(curl -s -u "cd$stamp:$password" -F "procedure=$procedure" -F 'form={"fullName":"Lồ Thị Mai","gender":"Nữ"}' \
  -F "paper.to-khai=@$work.paper.pdf;type=application/pdf" "$http/api/t/$commune/dossiers" | sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
echo "commune $commune, procedure $procedure, dossier ${code:-(none: the lookup is measured on an unknown code)}"
[[ -n "$code" ]] || code="$commune-000000-0000"
article=$(pg -c "BEGIN" -c "SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = '$commune')::text, true)" \
  -c "SELECT id FROM portal_article WHERE tenant_id = (SELECT id FROM tenant WHERE code = '$commune') AND status = 'published' ORDER BY id LIMIT 1" -c "COMMIT" | tail -1)
feedback=0
if curl -sf -o /dev/null "$http/t/$commune/feedback"; then feedback=1; fi

pages=("procedure list|$http/t/$commune/procedures" "a procedure|$http/t/$commune/procedures/$procedure"
       "lookup form|$http/t/$commune/lookup" "an article|$http/t/$commune/articles/$article" "commune home|$http/t/$commune/")
[[ "$feedback" == 1 ]] && pages+=("feedback list|$http/t/$commune/feedback")

# the ceilings: a throw-away WAR with static files and the bare JAX-RS resource of any size
war="$work/bench-war"
rm -rf "$war" && mkdir -p "$war/WEB-INF/classes"
api=$(find "$work/payara6/glassfish/modules" -name 'jakarta.ws.rs-api*.jar' | head -1)
javac -d "$war/WEB-INF/classes" -cp "$api" "$here/modules/portal/bench/BenchCeiling.java"
for p in "${pages[@]}"; do
  size=$(curl -s "${p#*|}" | wc -c)
  head -c "$size" /dev/zero | tr '\0' 'x' > "$war/static-$size.html"
done
asadmin="$work/payara6/bin/asadmin --port $((EGOV_PORTBASE + 48))"
$asadmin undeploy egov-bench >/dev/null 2>&1 || true
$asadmin deploy --name egov-bench --contextroot bench "$war" >/dev/null

warmed=" "
run() { # name url [connections]: a warm-up round the first time a url is asked, then the measured one
  local c=${3:-64}
  if [[ "$warmed" != *" $2|$c "* ]]; then
    wrk -t2 -c"$c" -d"${BENCH_WARMUP:-$seconds}s" "$2" >/dev/null
    warmed+="$2|$c "
  fi
  local out; out=$(wrk -t2 -c"$c" -d"${seconds}s" --latency "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  printf '%-44s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$rps" "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$p99" \
    "$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ' || true)"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "== warm public pages, wrk -t2 -c64, each beside its ceilings (rounds: ${BENCH_ROUNDS:-1})"
summary=()
for p in "${pages[@]}"; do
  name=${p%%|*} url=${p#*|}
  size=$(curl -s "$url" | wc -c)
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  # a page's size can change after the first look (a home page's latest items): its static file is made here too (the
  # WAR is deployed from its folder, which serves files added later)
  [[ -f "$war/static-$size.html" ]] || head -c "$size" /dev/zero | tr '\0' 'x' > "$war/static-$size.html"
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$http/bench/static-$size.html")" == 200 ]] || echo "no static file of $size B: its ratio is not valid"
  r=() c=()
  for round in $(seq 1 "${BENCH_ROUNDS:-1}"); do
    run "static file ($size B)" "$http/bench/static-$size.html"; s=$rps
    run "bare JAX-RS constant ($size B)" "$http/bench/api/sized?size=$size"; k=$rps
    run "$name ($status, round $round)" "$url"
    r+=("$(awk -v p="$rps" -v s="$s" 'BEGIN {printf "%.2f", p / s}')")
    c+=("$(awk -v p="$rps" -v s="$k" 'BEGIN {printf "%.2f", p / s}')")
  done
  summary+=("$(printf '%-16s %7s B  to static %s  to bare JAX-RS %s (median)  p99 %s' "$name" "$size" "$(median "${r[@]}")" "$(median "${c[@]}")" "$p99")")
done
echo "== the lookup under 200 concurrent clients"
run "lookup form, 200 connections" "$http/t/$commune/lookup" 200
run "lookup by code, 200 connections" "$http/t/$commune/lookup?code=$code" 200
echo "== summary (ratios: the page's req/s over the ceiling's, in the same round)"
printf '%s\n' "${summary[@]}"
$asadmin undeploy egov-bench >/dev/null || true
