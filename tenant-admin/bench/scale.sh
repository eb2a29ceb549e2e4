#!/usr/bin/env bash
# What 10,000 units in one deployment cost: p50 latency of a unit page at ~200 units and at 10,000, heap
# after a full GC at both, and the provisioning rate through the API (unit template, first administrator,
# audit, one transaction each) for a CSV of synthetic communes. Uses its own work folder, database, roles and
# ports (never the './egov up' environment). Needs wrk.
#   tenant-admin/bench/scale.sh            (after ./mvnw -DskipTests install)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-scale-bench}"
export EGOV_DB=egov_scale EGOV_ROLE_PREFIX=egov_scale EGOV_DOMAIN=egov-scale EGOV_PORTBASE=${BENCH_PORTBASE:-19000}
export EGOV_ADMIN_PASSWORD="scale-bench-$(date +%s)"
http=$((EGOV_PORTBASE + 80)); base="http://localhost:$http"
units=${BENCH_UNITS:-10000}; api_units=${BENCH_API_UNITS:-300}
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { PGPASSWORD="$(grep '^owner.password' "$work/run/secrets.properties" | cut -d= -f2)" \
       psql -h "${PGHOST:-127.0.0.1}" -U egov_scale_owner -d egov_scale -qAt "$@"; }
p50() { wrk -t2 -c8 -d5s "$1" >/dev/null; wrk -t2 -c8 -d20s --latency "$1" | awk '/^ +50%/ {print $2}'; }
heap_mb() { local pid; pid=$(pgrep -f "$work/payara6/glassfish/domains/egov-scale" | head -1)
  jcmd "$pid" GC.run >/dev/null; sleep 1
  jcmd "$pid" GC.heap_info | awk '/heap/ && /used/ {for(i=1;i<=NF;i++) if($i=="used") {v=$(i+1); sub("K","",v); printf "%.1f", v/1024; exit}}'; }

egov stop >/dev/null 2>&1 || true
rm -rf "$work"
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_scale" >/dev/null 2>&1 || true
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

page="$base/t/xa-quang-kim/"
before_units=$(pg -c "SELECT count(*) FROM tenant")
before_p50=$(p50 "$page"); before_heap=$(heap_mb)

# up to $units units: synthetic communes spread over the nine districts, written as the owner
pg -c "INSERT INTO tenant (code, name, kind, parent_id)
       SELECT 'xa-tong-hop-' || g, 'Xã Tổng Hợp ' || g, 'commune', d.id
         FROM generate_series(1, $units - $before_units) g
         JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM tenant WHERE kind IN ('city','district','town')) d
           ON d.k = g % 9"
after_units=$(pg -c "SELECT count(*) FROM tenant")
after_p50=$(p50 "$page"); synthetic_p50=$(p50 "$base/t/xa-tong-hop-4321/"); after_heap=$(heap_mb)

# provisioning through the API: a CSV of synthetic communes under one district
csv="$work/api-units.csv"
{ echo "gso_code,name,unit_type,level,parent_gso_code"
  for i in $(seq 1 "$api_units"); do echo "$((80000 + i)),Xã Đo Tốc Độ $i,Xã,commune,"; done; } > "$csv"
imp() { EGOV_PASSWORD="$EGOV_ADMIN_PASSWORD" egov import-units --url "$base" --user admin --parent "$1" --file "$2" "${@:3}" \
       | tr '\r' '\n' | grep -o "([0-9.]* units/s)" | tr -d '()'; }
csvs() { { echo "gso_code,name,unit_type,level,parent_gso_code"
           for i in $(seq 1 "$api_units"); do echo "$(($1 + i)),$2 $i,Xã,commune,"; done; } > "$work/$3.csv"; echo "$work/$3.csv"; }
# one unit per request and transaction, first administrator with a one-time password (Argon2) / with an invitation
rate=$(imp huyen-bao-yen "$(csvs 80000 'Xã Đo Một' one)" --batch 1)
rate_invite=$(imp huyen-bao-yen "$(csvs 85000 'Xã Đo Mời' invite)" --batch 1 --invite)
# batches of 25 units per request and transaction (the default), with invitations / with one-time passwords
rate_batch=$(imp huyen-bao-yen "$(csvs 90000 'Xã Đo Lô' batch)" --invite)
rate_batch_otp=$(imp huyen-bao-yen "$(csvs 95000 'Xã Đo Lô Mật' batchotp)")
# the whole 2019 tree again (districts and communes, 4 levels of waves), as a mirror with its own GSO codes and names
mirror="$work/mirror-2019.csv"
awk -F, 'BEGIN { OFS = "," } { sub(/\r$/, "") } /^#/ { next } $1 == "gso_code" { print; next }
         $4 == "province" { next }
         { gso = 70000 + NR; map[$1] = gso; p = ($5 in map) ? map[$5] : ""; print gso, $2 " Mới", $3, $4, p }' \
    "$here/provisioning/src/main/resources/data/laocai-units-2019.csv" > "$mirror"
mirror_units=$(($(wc -l < "$mirror") - 1))
t0=$(date +%s.%N); rate_mirror=$(imp lao-cai "$mirror" --invite); t1=$(date +%s.%N)
mirror_s=$(echo "$t1 - $t0" | bc)

cat <<TXT
| measure | at $before_units units | at $after_units units |
|---|---|---|
| p50 of a commune page (/t/xa-quang-kim/), wrk 2 threads 8 connections 20 s | $before_p50 | $after_p50 |
| p50 of a synthetic unit's page | | $synthetic_p50 |
| Payara heap used after a full GC | ${before_heap} MB | ${after_heap} MB |

Provisioning through the API ('egov import-units', 4 workers, $api_units synthetic communes each):
  one unit per request: $rate with one-time passwords (Argon2 per first administrator), $rate_invite with invitations
  batches of 25 per request and transaction: $rate_batch with invitations, $rate_batch_otp with one-time passwords
The 2019 tree mirrored ($mirror_units districts and communes, --invite, batches of 25): ${mirror_s} s wall including
the CLI's start, login and validation ($rate_mirror while creating)
TXT
egov stop >/dev/null
