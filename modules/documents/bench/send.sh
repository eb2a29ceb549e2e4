#!/usr/bin/env bash
# Sending one document to every commune of the province (issue 7): its own environment ('egov up' with its own work
# folder, database, Payara domain and ports), a province officer who drafts, signs and issues (STAFF with the LEADER
# and CLERK duties) and a province administrator who reads the communes' queues, then SendBench.java: BENCH_DOCS (20)
# documents, each issued and sent in one request to all the communes under the province (164 in 2019), then every
# commune's queue read until it shows the document; the time of the send and until the last commune has it.
#   modules/documents/bench/send.sh     (after ./mvnw -DskipTests package; BENCH_KEEP=1 keeps the environment)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-send-bench}"
export EGOV_DB=egov_sbench EGOV_ROLE_PREFIX=egov_sbench EGOV_DOMAIN=egov-sbench EGOV_PORTBASE=${BENCH_PORTBASE:-19700}
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_sbench" >/dev/null 2>&1 || true
  trap 'egov stop >/dev/null 2>&1 || true' EXIT
fi
[[ -f "$work.admin-password" ]] || echo "send-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

password="Bench-$(date +%s)-mat-khau"
. "$here/modules/dossiers/bench/new-user.sh"
stamp=$(date +%s)
new_user lao-cai "sb$stamp" PROVINCE_ADMIN --subtree
new_user lao-cai "vt$stamp" STAFF,LEADER,CLERK
java "$here/modules/documents/bench/SendBench.java" "$http" "vt$stamp" "sb$stamp" "$password" "${BENCH_DOCS:-20}"
