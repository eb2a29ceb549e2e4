#!/usr/bin/env bash
# Replay of the reference province's 22 months (132,807 dossier lifecycles) over the real unit tree: its own
# environment ('egov up' with its own work folder, database, Payara domain and ports, the national-portal simulator
# on), three procedures imported by the province (one per level, with their processes) and adopted by every unit
# of their level, a province administrator and a pool of citizens' accounts, then Replay.java: BENCH_CLIENTS (32)
# workers play BENCH_LIFECYCLES (132807) whole lifecycles (submit, moves, supplements, transfers, refusals,
# results) as fast as they can; wall time, lifecycles/s, requests/s, latency per kind of request, the paths taken,
# and the platform's own figures (dossier-stats) checked against what the replay did. Exits non-zero on any
# unexpected answer or a mismatch.
#   modules/dossiers/bench/replay.sh     (after ./mvnw -DskipTests package; BENCH_KEEP=1 keeps the environment)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
replay="$here/modules/dossiers/bench/Replay.java"
work="${BENCH_WORK:-/tmp/egov-replay-bench}"
export EGOV_DB=egov_rbench EGOV_ROLE_PREFIX=egov_rbench EGOV_DOMAIN=egov-rbench EGOV_PORTBASE=${BENCH_PORTBASE:-19600}
export EGOV_SIMULATORS=on # the national portal's simulator receives the status changes
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
province=lao-cai
for built in "$cli" "$here/ear/egov-ear/target/egov.ear"; do
  [[ -f "$built" ]] || { echo "missing $built: build first (./mvnw -DskipTests package)" >&2; exit 1; }
done
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password" "$work.accounts"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_rbench" >/dev/null 2>&1 || true
fi
[[ -f "$work.admin-password" ]] || echo "replay-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  trap 'egov stop >/dev/null 2>&1 || true' EXIT # whatever happens, nothing of this environment is left running
fi
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

citizens=${BENCH_CITIZENS:-16}
if [[ "${BENCH_KEEP:-}" == "1" && -f "$work.accounts" ]]; then
  # a kept environment that was set up before: its accounts, procedures and adoptions are reused
  read -r stamp password < "$work.accounts"
  admin="rb$stamp"
  echo "== the kept environment's accounts and procedures (set up before)"
else
  password="Bench-$(date +%s)-mat-khau"
  . "$here/modules/dossiers/bench/new-user.sh"
  stamp=$(date +%s)
  admin="rb$stamp"
  echo "== a province administrator and $citizens citizens"
  new_user "$province" "$admin" PROVINCE_ADMIN --subtree
  for ((i = 0; i < citizens; i++)); do
    new_user huyen-bat-xat "cd${stamp}n$i" CITIZEN
  done

  echo "== three procedures (province, district, commune level) imported and adopted by every unit of their level"
  java "$replay" procedures > "$work.procedures.json"
  curl -sf -o /dev/null -u "$admin:$password" -H 'Content-Type: application/json' --data-binary @"$work.procedures.json" \
    "$http/api/t/$province/procedures/import"
  java "$replay" units "$http" "$province" > "$work.units"
  declare -A procedure=([province]=1.999101.H38 [district]=1.999102.H38 [commune]=1.999103.H38)
  while read -r unit level; do
    curl -sf -o /dev/null -u "$admin:$password" -X PUT "$http/api/t/$unit/procedures/adopted/${procedure[$level]}" \
      || { echo "adoption of ${procedure[$level]} by $unit failed" >&2; exit 1; }
  done < "$work.units"
  echo "   adopted by $(wc -l < "$work.units") units"
  echo "$stamp $password" > "$work.accounts"
fi

# A PostgreSQL server with autovacuum off (this project's CI machine has it off; 'egov up' warns) never removes the
# dead row versions and index entries that the dossiers' updates and the outbox leave, nor gathers statistics: the
# run would measure that misconfiguration. Unless BENCH_VACUUM=off, the replay then does what autovacuum would (its
# default naptime is a minute): VACUUM (ANALYZE) of the tables that are updated, every 60 s while it runs. Its cost
# is PostgreSQL's, counted in the machine's CPU like the rest.
pg=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d egov_rbench -qAt)
vacuum_pid=
if [[ "${BENCH_VACUUM:-on}" != "off" ]] && [[ "$("${pg[@]}" -c 'SHOW autovacuum' 2>/dev/null)" == "off" ]]; then
  echo "== this PostgreSQL server has autovacuum off: VACUUM (ANALYZE) of the updated tables every 60 s during the run, as autovacuum would"
  ( while sleep 60 && kill -0 $$ 2>/dev/null; do # ends with the script, whatever ends it
      "${pg[@]}" -c "VACUUM (ANALYZE) dossier, dossier_outbox, dossier_sequence, dossier_shipment, dossier_notice, api_token, app_user" \
        >/dev/null 2>&1 || true
    done ) &
  vacuum_pid=$!
fi
stop_vacuum() { [[ -z "$vacuum_pid" ]] || kill "$vacuum_pid" 2>/dev/null || true; }

# the clients close idle connections before the server does (Payara: 30 s), so that no request goes out on a closed
# one; the lifecycles' blocking connections keep up to 64 idle connections (more than the workers), and never re-send
# a POST by themselves
status=0
java -Djdk.httpclient.keepalive.timeout=15 -Dhttp.maxConnections=64 -Dsun.net.http.retryPost=false "$replay" replay "$http" "$province" "$admin" "$password" "cd${stamp}n" "$citizens" "$password" \
  "${BENCH_LIFECYCLES:-132807}" "${BENCH_CLIENTS:-32}" || status=$?
stop_vacuum
exit $status
