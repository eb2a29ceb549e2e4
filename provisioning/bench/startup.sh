#!/usr/bin/env bash
# Measures the run command: cold (nothing unpacked, no database), warm (already up), restart (after stop),
# a forced redeploy of the EAR, and the memory of the running platform. Uses its own work folder, database,
# roles and ports, so it never touches the environment of './egov up'.
#   provisioning/bench/startup.sh            (after ./mvnw -DskipTests install)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-startup-bench}"
export EGOV_DB=egov_bench EGOV_ROLE_PREFIX=egov_bench EGOV_DOMAIN=egov-bench EGOV_PORTBASE=${BENCH_PORTBASE:-18000}
http=$((EGOV_PORTBASE + 80)); admin=$((EGOV_PORTBASE + 48))
page="http://localhost:$http/t/lao-cai/"
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
now() { date +%s.%N; }
first_page() { local t0=$1; until curl -sf -o /dev/null "$page"; do sleep 0.1; done; echo "$(now) - $t0" | bc; }

egov stop >/dev/null 2>&1 || true
rm -rf "$work"
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_bench" >/dev/null 2>&1 || true

t0=$(now); egov up > "$work.cold.log" 2>&1 || { cat "$work.cold.log"; exit 1; }; cold=$(first_page "$t0")
t0=$(now); egov up > "$work.warm.log" 2>&1; warm=$(first_page "$t0")
deploy=$(grep "Payara: đã triển khai" "$work.cold.log" | grep -o "trong [0-9.]* giây" | grep -o "[0-9.]*" | head -1)
t0=$(now); "$work/payara6/bin/asadmin" --port "$admin" deploy --force=true --availabilityenabled=true --name egov \
  "$here/ear/egov-ear/target/egov.ear" >/dev/null; redeploy=$(first_page "$t0")
egov stop >/dev/null
t0=$(now); egov up > "$work.restart.log" 2>&1; restart=$(first_page "$t0")

# memory once the first pages have been served (100 requests to warm the page and the API)
for i in $(seq 100); do curl -s -o /dev/null "$page"; curl -s -o /dev/null "http://localhost:$http/api/tenants"; done
pid=$(pgrep -f "domaindir $work/payara6/glassfish/domains|$work/payara6/glassfish/domains/egov-bench" | head -1)
rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {print $0}' | sed 's/^ *//')

cat <<TXT
| measure | seconds |
|---|---|
| cold: './egov up' from nothing (unpack Payara, create domain, start, configure, migrate, load units, deploy) to the first page | $(printf %.1f "$cold") |
| warm: './egov up' with everything running and unchanged, to the first page | $(printf %.1f "$warm") |
| restart: './egov up' after './egov stop' (PostgreSQL kept), to the first page | $(printf %.1f "$restart") |
| EAR deploy during the cold run (asadmin deploy) | $deploy |
| forced redeploy of the EAR, to the first page | $(printf %.1f "$redeploy") |

Payara RSS after 200 requests: ${rss_mb} MB (heap: ${heap:-n/a})
TXT
egov stop >/dev/null
