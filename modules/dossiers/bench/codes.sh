#!/usr/bin/env bash
# Dossier codes under concurrent submitters (issue 6): its own environment ('egov up' with its own work folder,
# database, Payara domain and ports), a procedure imported by the province and adopted by a new commune, a
# citizen's account, then CodeBench.java: BENCH_CLIENTS (32) logged-in clients submit BENCH_DOSSIERS (3000)
# dossiers as fast as they can; throughput, latency and the proof that the codes have no duplicate and no gap.
#   modules/dossiers/bench/codes.sh     (after ./mvnw -DskipTests package; BENCH_KEEP=1 keeps the environment)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-dossier-bench}"
export EGOV_DB=egov_dbench EGOV_ROLE_PREFIX=egov_dbench EGOV_DOMAIN=egov-dbench EGOV_PORTBASE=${BENCH_PORTBASE:-19400}
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_dbench" >/dev/null 2>&1 || true
fi
[[ -f "$work.admin-password" ]] || echo "dossier-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

password="Bench-$(date +%s)-mat-khau"
. "$here/modules/dossiers/bench/new-user.sh"
stamp=$(date +%s)
admin="bench$stamp"
new_user lao-cai "$admin" PROVINCE_ADMIN --subtree
unit="xa-do-$stamp"
curl -sf -o /dev/null -u "$admin:$password" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$unit\",\"name\":\"Xã đo hiệu năng\",\"kind\":\"commune\",\"firstAdmin\":{\"username\":\"qt.$unit\",\"displayName\":\"QT\"}}" "$http/api/t/huyen-bat-xat/units"
curl -sf -o /dev/null -u "$admin:$password" -H 'Content-Type: application/json' --data-binary @"$here/modules/dossiers/bench/procedure.json" \
  "$http/api/t/lao-cai/procedures/import"
curl -sf -o /dev/null -u "$admin:$password" -X PUT "$http/api/t/$unit/procedures/adopted/1.999001.H38"
citizen="cd$stamp"
new_user "$unit" "$citizen" CITIZEN

echo "== ${BENCH_DOSSIERS:-3000} dossiers by ${BENCH_CLIENTS:-32} concurrent submitters to $unit"
java "$here/modules/dossiers/bench/CodeBench.java" "$http" "$citizen" "$password" "$unit" 1.999001.H38 "${BENCH_DOSSIERS:-3000}" "${BENCH_CLIENTS:-32}"

if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
fi
