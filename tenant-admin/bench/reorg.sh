#!/usr/bin/env bash
# What reorganising the whole tree costs: the 2019 Lào Cai tree (194 units) with 100,000 records spread over
# it (notices, users, audit entries, settings), then one plan that dissolves the district level (9 districts,
# 166 communes move up) and merges 40 pairs of communes. Times the dry-run and the apply (one transaction) of
# 'egov reorganise' (the operator's tool: the same Reorganiser as the API, on the owner's connection, with
# row-level security forced as for the app), and checks that every record is still there afterwards.
# Uses its own work folder, database and roles (never the './egov up' environment). No Payara needed.
#   tenant-admin/bench/reorg.sh            (after ./mvnw -DskipTests package)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-reorg-bench}"
export EGOV_DB=egov_reorg EGOV_ROLE_PREFIX=egov_reorg EGOV_DOMAIN=egov-reorg EGOV_PORTBASE=${BENCH_PORTBASE:-19100}
export EGOV_ADMIN_PASSWORD="reorg-bench-$(date +%s)"
records=${BENCH_RECORDS:-100000}
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { PGPASSWORD="$(grep '^owner.password' "$work/run/secrets.properties" | cut -d= -f2)" \
       psql -h "${PGHOST:-127.0.0.1}" -U egov_reorg_owner -d egov_reorg -qAt "$@"; }
scoped() { pg -c "SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE code = 'lao-cai')::text, true),
                         set_config('app.subtree', 'on', true);
                  $1"; }

rm -rf "$work"
psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_reorg" >/dev/null 2>&1 || true
egov up --database-only > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

# records spread over every unit: 80% notices, 10% users, 10% audit entries; settings for every unit
scoped "INSERT INTO unit_setting (tenant_id, display_name) SELECT id, name FROM tenant ON CONFLICT DO NOTHING;
        INSERT INTO notice (tenant_id, title, body, created_by)
          SELECT u.id, 'Thông báo ' || g, 'Nội dung thông báo số ' || g, 'bench'
            FROM generate_series(1, $records * 8 / 10) g
            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM tenant) u ON u.k = g % u.n;
        INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles)
          SELECT u.id, 'bench.' || g, 'Cán bộ ' || g, '!', ARRAY['STAFF']
            FROM generate_series(1, $records / 10) g
            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM tenant) u ON u.k = g % u.n;
        INSERT INTO audit_entry (tenant_id, actor, action, target)
          SELECT u.id, 'bench', 'seed', 'x' || g
            FROM generate_series(1, $records / 10) g
            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM tenant) u ON u.k = g % u.n;" > /dev/null
count() { scoped "SELECT (SELECT count(*) FROM notice) + (SELECT count(*) FROM app_user) + (SELECT count(*) FROM audit_entry)
                         + (SELECT count(*) FROM unit_setting);" | tail -1; }
before=$(count)

# the plan: merge 40 pairs of sibling communes into the first of each pair, then dissolve every district
plan="$work/plan.csv"
{ echo "operation,units,target,parent,code,name,kind"
  pg -c "SELECT 'merge,' || b.code || ',' || a.code || ',,,,' FROM
           (SELECT code, parent_id, row_number() OVER (PARTITION BY parent_id ORDER BY id) r FROM tenant
             WHERE kind IN ('commune','ward','township')) a
           JOIN (SELECT code, parent_id, row_number() OVER (PARTITION BY parent_id ORDER BY id) r FROM tenant
             WHERE kind IN ('commune','ward','township')) b ON b.parent_id = a.parent_id AND b.r = a.r + 1
          WHERE a.r % 2 = 1 ORDER BY a.code LIMIT 40"
  pg -c "SELECT 'dissolve,' || code || ',,,,,' FROM tenant WHERE kind IN ('city','district','town') ORDER BY code"
} > "$plan"
ops=$(($(wc -l < "$plan") - 1))

t0=$(date +%s.%N)
egov reorganise --plan "$plan" --title "Bench" > "$work.dry.log"
t1=$(date +%s.%N)
basis=$(grep -o -- '--basis .*' "$work.dry.log" | cut -d' ' -f2)
egov reorganise --plan "$plan" --title "Bench" --apply --basis "$basis" > "$work.apply.log"
t2=$(date +%s.%N)
after=$(count)
ended=$(pg -c "SELECT count(*) FROM tenant WHERE status = 'retired'")
settings_replaced=$(grep -c '"table": "unit_setting"' "$work.apply.log" || true)

echo "units: $(pg -c "SELECT count(*) FROM tenant"), records before: $before, plan operations: $ops"
grep -h "chạy thử:\|đã áp dụng:" "$work.dry.log" "$work.apply.log" | grep " ms" | sed 's/^/  /'
printf '  wall (incl. JVM start): dry-run %.1f s, apply %.1f s\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
echo "  units ended: $ended; records after: $after (settings of ended units replaced by their successors': $settings_replaced)"
[ "$((before - settings_replaced))" -eq "$after" ] && echo "  nothing lost" || { echo "  RECORDS LOST"; exit 1; }
