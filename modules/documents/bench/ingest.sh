#!/usr/bin/env bash
# Ingest of the seed's 2.4 million official documents (issue 7) into the registers and the search index, as a
# migration of the legacy registers would load them, on this machine with the real pieces: its own environment ('egov
# up': Payara with the EAR, PostgreSQL, the platform's Solr node) in its own work folder, database, Payara domain and
# ports (egov_ibench, 19900).
#   0. generate.sql (not measured): BENCH_DOCS (2,403,789: the seed's 2,036,196 incoming + 367,593 outgoing; a smaller
#      BENCH_DOCS keeps that proportion) synthetic documents of 2016-2018 spread over the 194 units of the 2019 tree
#      (the province and its departments more, a commune fewer), numbered per unit, register, series and year, in a
#      staging table; see its header for the spread;
#   1. the load (measured): one transaction per unit (load-unit.sql) writes its documents into `document`, each one's
#      search entry into the search outbox (the shape Registers.index writes) and its `document_counter` rows, under
#      the unit's own row-level-security scope; then ANALYZE. Time until the last commit, documents/s;
#   2. searchable (measured): the outbox worker runs from the first unit's commit; the time until Solr holds every
#      document (numFound of type document), from the load's start and from its last commit; documents/s;
#   3. checks: the registers' numbering (no gap, no duplicate, counters at the last number), every outbox row gone,
#      'egov search check'; through the API (IngestBench.java check): who finds what in /api/search (anonymous nothing,
#      a commune's staff its own unit, a secret one only as its reader, another commune's staff nothing of it, the
#      province administrator everything but secrets) and register reads (GET /api/t/{unit}/documents/incoming?year=)
#      with their latencies; a paper document registered through the API takes the number after the migrated ones.
#   The machine's cores and load are printed before and after; database and index sizes at the end.
#   modules/documents/bench/ingest.sh     (after ./mvnw -DskipTests package; BENCH_DOCS=100000 for a short run;
#   BENCH_KEEP=1 keeps the environment running and its data; exits non-zero if a check fails)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
bench_dir="$here/modules/documents/bench"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-ingest-bench}"
export EGOV_DB=egov_ibench EGOV_ROLE_PREFIX=egov_ibench EGOV_DOMAIN=egov-ibench EGOV_PORTBASE=${BENCH_PORTBASE:-19900}
docs=${BENCH_DOCS:-2403789}
http="http://127.0.0.1:$((EGOV_PORTBASE + 80))"
solr="http://127.0.0.1:$((EGOV_PORTBASE + 83))/solr/egov"
commune=${BENCH_UNIT:-phuong-kim-tan} other=${BENCH_OTHER_UNIT:-xa-tri-quang}
for built in "$cli" "$here/ear/egov-ear/target/egov.ear"; do
  [[ -f "$built" ]] || { echo "missing $built: build first (./mvnw -DskipTests package)" >&2; exit 1; }
done
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { PGPASSWORD="$(grep '^owner.password' "$work/run/secrets.properties" | cut -d= -f2)" \
       psql -h "${PGHOST:-127.0.0.1}" -U egov_ibench_owner -d egov_ibench -qAt -v ON_ERROR_STOP=1 "$@"; }
solr_count() { curl -s "$solr/select?q=*:*&fq=type:document&rows=0&wt=json" | grep -o '"numFound":[0-9]*' | cut -d: -f2; }
machine() { echo "   machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), memory available $(awk '/MemAvailable/ {printf "%.1f GB", $2/1048576}' /proc/meminfo); busiest: $(ps -eo pcpu,comm --sort=-pcpu --no-headers | head -4 | awk '{printf "%s %s%%; ", $2, $1}')"; }
secs() { echo "$2 - $1" | bc; }
# the owner is under row-level security too (FORCE): the checks read the whole province's rows in its scope
pgs() { pg -c "SET app.tenant_id = '$(pg -c "SELECT id FROM tenant WHERE parent_id IS NULL ORDER BY id LIMIT 1")'" -c "SET app.subtree = 'on'" "$@"; }

if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_ibench" >/dev/null 2>&1 || true
  trap 'egov stop >/dev/null 2>&1 || true' EXIT # whatever happens, nothing of this environment is left running
fi
[[ -f "$work.admin-password" ]] || echo "ingest-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }
if [[ "$(pgs -c "SELECT count(*) FROM document")" != "0" ]]; then
  echo "the database holds documents already (a kept environment): run without BENCH_KEEP=1 for a fresh one" >&2; exit 1
fi

password="Bench-$(date +%s)-mat-khau"
. "$here/modules/dossiers/bench/new-user.sh"
stamp=$(date +%s)
# before the load: a clerk of the commune (the unit's staff then: a reader of its secret documents, as its legacy
# clerk is) and a province administrator; after it, another officer of the commune and one of another commune
new_user "$commune" "cv$stamp" STAFF,CLERK
new_user lao-cai "pa$stamp" PROVINCE_ADMIN --subtree

echo "== 0. the legacy registers: $docs documents generated into a staging table (not measured)"
t0=$(date +%s.%N)
pg -v docs="$docs" -f "$bench_dir/generate.sql" >/dev/null
t1=$(date +%s.%N)
pg -F ' ' -c "SELECT '   ' || to_char(count(*), 'FM9,999,999') || ' documents: ' || to_char(count(*) FILTER (WHERE register = 'incoming'), 'FM9,999,999')
                || ' incoming, ' || to_char(count(*) FILTER (WHERE register = 'outgoing'), 'FM9,999,999') || ' outgoing, '
                || count(*) FILTER (WHERE secrecy IS NOT NULL) || ' secret, ' || count(*) FILTER (WHERE urgency <> 'THUONG') || ' urgent; generated in '
                || round($(secs "$t0" "$t1"), 1) || ' s' FROM bench_legacy_ready"
pg -F ' ' -c "SELECT '   ' || rpad(level, 22) || lpad(units::text, 4) || ' units, ' || lpad(to_char(docs, 'FM9,999,999'), 9) || ' documents ('
                || round(100.0 * docs / sum(docs) OVER (), 1) || '%), per unit ' || to_char(mn, 'FM9,999,999') || ' to ' || to_char(mx, 'FM9,999,999')
                || ', per unit and year ' || to_char(avg_year, 'FM9,999,999') FROM (
                SELECT CASE WHEN t.kind = 'province' THEN '1 province' WHEN t.kind IN ('department', 'agency', 'board') THEN '2 departments'
                            WHEN t.kind IN ('city', 'district', 'town') THEN '3 districts' ELSE '4 communes' END AS level,
                       count(*) AS units, sum(n) AS docs, min(n) AS mn, max(n) AS mx, round(avg(n) / 3) AS avg_year
                  FROM (SELECT tenant_id, count(*) AS n FROM bench_legacy_ready GROUP BY 1) d JOIN tenant t ON t.id = d.tenant_id GROUP BY 1) l ORDER BY level"
pg -F ' ' -c "SELECT '   per year: ' || string_agg(year || ' ' || to_char(n, 'FM9,999,999'), ', ' ORDER BY year) FROM (SELECT year, count(*) n FROM bench_legacy_ready GROUP BY 1) y"

# the driver: one transaction per unit, in the order of the units
{ echo '\set ON_ERROR_STOP on'
  for u in $(pg -c "SELECT DISTINCT tenant_id FROM bench_legacy_ready ORDER BY 1"); do
    printf 'BEGIN;\n\\set unit %s\n\\i %s/load-unit.sql\nCOMMIT;\n' "$u" "$bench_dir"
  done
  echo 'ANALYZE document; ANALYZE document_counter; ANALYZE search_outbox;'; } > "$work.load.sql"
units=$(grep -c '^BEGIN' "$work.load.sql")

echo "== 1. the load: $units units, one transaction each (documents + search outbox + counters)"
machine
[[ "$(solr_count)" == "0" ]] || { echo "the index holds documents already" >&2; exit 1; }
rm -f "$work.committed"
t_start=$(date +%s.%N)
# the moment of the last commit (and ANALYZE) is taken by the load itself, not by the watch below
{ pg -f "$work.load.sql" >/dev/null && date +%s.%N > "$work.committed"; } &
load_pid=$!
# the committed and searchable counts every 30 s while the load runs (the outbox worker starts on the first commit)
next=30
while kill -0 $load_pid 2>/dev/null; do
  sleep 1
  if (( $(date +%s) - ${t_start%.*} >= next )) && kill -0 $load_pid 2>/dev/null; then
    printf '   %6.0f s: %s committed, %s searchable\n' "$(secs "$t_start" "$(date +%s.%N)")" \
      "$(pgs -c "SELECT count(*) FROM document" 2>/dev/null || echo '?')" "$(solr_count)"
    next=$((next + 30))
  fi
done
wait $load_pid
t_commit=$(cat "$work.committed")
load_s=$(secs "$t_start" "$t_commit")
at_commit=$(solr_count)
printf 'load: %s documents written and committed (with their outbox rows and counters, then ANALYZE) in %.1f s: %.0f documents/s; %s searchable by then\n' \
  "$docs" "$load_s" "$(echo "$docs / $load_s" | bc -l)" "$at_commit"
machine

echo "== 2. until the outbox worker made them all searchable"
java "$bench_dir/IngestBench.java" wait "$solr" "$docs" "$t_start" "$t_commit" "$at_commit"
machine

echo "== 3. checks"
pgs -F ' ' -c "SELECT 'registers: ' || count(*) || ' (unit, register, series, year) series; with a gap or a duplicate: '
                || count(*) FILTER (WHERE n <> mx OR mn <> 1 OR n <> nd) || '; counter not at the last number: '
                || count(*) FILTER (WHERE c.last IS DISTINCT FROM mx) FROM (
                SELECT tenant_id, register, series, year, count(*) n, count(DISTINCT number) nd, min(number) mn, max(number) mx
                  FROM document GROUP BY 1, 2, 3, 4) d
                LEFT JOIN document_counter c USING (tenant_id, register, series, year)" | tee "$work.numbering"
pgs -c "SELECT 'counters without documents: ' || count(*) FROM document_counter c WHERE NOT EXISTS (SELECT 1 FROM document d
         WHERE (d.tenant_id, d.register, d.series, d.year) = (c.tenant_id, c.register, c.series, c.year))"
pgs -c "SELECT 'search outbox rows left: ' || count(*) FROM search_outbox WHERE next_attempt_at < 'infinity'"
grep -q 'duplicate: 0; counter not at the last number: 0' "$work.numbering" || { echo "NUMBERING WRONG" >&2; exit 1; }
echo "$password" | egov search check --password-stdin --unit lao-cai --user "pa$stamp" --url "$http" | tail -2

new_user "$commune" "cw$stamp" STAFF
new_user "$other" "co$stamp" STAFF
# what each one should find and read, from the database (a register lists at most 5,000 documents)
count() { pgs -c "SELECT count(*) FROM document d JOIN tenant t ON t.id = d.tenant_id WHERE $1"; }
# a register read asks for its largest page (5,000); the register says its total besides
rows() { pgs -c "SELECT least(5000, count(*)) FROM document d JOIN tenant t ON t.id = d.tenant_id WHERE $1"; }
all=$(count "true"); ordinary=$(count "d.secrecy IS NULL")
c_all=$(count "t.code = '$commune'"); c_ordinary=$(count "t.code = '$commune' AND d.secrecy IS NULL")
o_ordinary=$(count "t.code = '$other' AND d.secrecy IS NULL")
district=huyen-bat-xat
d_ordinary=$(count "t.path <@ (SELECT path FROM tenant WHERE code = '$district') AND d.secrecy IS NULL")
echo "   $all documents, $ordinary not secret; $commune $c_all ($c_ordinary not secret); $other $o_ordinary not secret"
q1=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("giải phóng mặt bằng"))')
q2=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("phòng chống thiên tai"))')
reg() { echo "$1|$2|/api/t/$3/documents/$4?year=$5&size=5000|rows=$(rows "t.code = '$3' AND d.register = '$4' AND d.year = $5 $6")"; }
cat > "$work.checks" <<EOF
anonymous, documents of the whole province|-|/api/search?type=document|=0
anonymous, "giải phóng mặt bằng" in documents|-|/api/search?type=document&q=$q1|=0
$commune's clerk (a reader of its secrets), its unit|cv$stamp|/api/search?type=document&unit=$commune|=$c_all
$commune's other officer (not a reader), its unit|cw$stamp|/api/search?type=document&unit=$commune|=$c_ordinary
$other's officer, $commune|co$stamp|/api/search?type=document&unit=$commune|=0
$other's officer, its unit|co$stamp|/api/search?type=document&unit=$other|=$o_ordinary
province administrator, $commune|pa$stamp|/api/search?type=document&unit=$commune|=$c_ordinary
province administrator, $district and its communes|pa$stamp|/api/search?type=document&unit=$district|=$d_ordinary
province administrator, the whole province|pa$stamp|/api/search?type=document&unit=lao-cai|=$ordinary
province administrator, the whole province, newest first|pa$stamp|/api/search?type=document&unit=lao-cai&sort=newest|=$ordinary
province administrator, "giải phóng mặt bằng", whole province|pa$stamp|/api/search?q=$q1&unit=lao-cai|>0
province administrator, "giai phong mat bang" (no diacritics)|pa$stamp|/api/search?q=giai%20phong%20mat%20bang&unit=lao-cai|>0
$commune's clerk, "phòng chống thiên tai", its unit|cv$stamp|/api/search?q=$q2&unit=$commune|>0
$(reg "$commune's clerk, its incoming register 2016" "cv$stamp" "$commune" incoming 2016 "")
$(reg "$commune's clerk, its incoming register 2017" "cv$stamp" "$commune" incoming 2017 "")
$(reg "$commune's clerk, its incoming register 2018" "cv$stamp" "$commune" incoming 2018 "")
$(reg "$commune's clerk, its outgoing register 2018" "cv$stamp" "$commune" outgoing 2018 "")
$(reg "$commune's other officer, its incoming register 2018 (no secrets)" "cw$stamp" "$commune" incoming 2018 "AND d.secrecy IS NULL")
$other's officer, $commune's incoming register 2018|co$stamp|/api/t/$commune/documents/incoming?year=2018|status=403
$(reg "province administrator, lao-cai's incoming register 2018" "pa$stamp" lao-cai incoming 2018 "AND d.secrecy IS NULL")
$(reg "province administrator, lao-cai's outgoing register 2017" "pa$stamp" lao-cai outgoing 2017 "AND d.secrecy IS NULL")
$(reg "province administrator, snv's incoming register 2017" "pa$stamp" snv incoming 2017 "AND d.secrecy IS NULL")
$(reg "province administrator, $district's incoming register 2016" "pa$stamp" $district incoming 2016 "AND d.secrecy IS NULL")
$(reg "province administrator, $other's incoming register 2018" "pa$stamp" $other incoming 2018 "AND d.secrecy IS NULL")
EOF
status=0
java "$bench_dir/IngestBench.java" check "$http" "$password" "$work.checks" "${BENCH_REPEATS:-10}" || status=1

# the next number: a paper document registered now in the commune's 2018 incoming register follows the migrated ones
last=$(pgs -c "SELECT last FROM document_counter c JOIN tenant t ON t.id = c.tenant_id WHERE t.code = '$commune' AND register = 'incoming'
                AND series = 'normal' AND year = 2018")
made=$(curl -s -u "cv$stamp:$password" -H 'Content-Type: application/json' -H 'Accept: application/json' -w ' %{http_code} %{time_total}' \
  -d '{"numberSymbol":"999/UBND-VP","issuer":"Ủy ban nhân dân tỉnh Lào Cai","docType":"Công văn","abstract":"Về việc kiểm tra số đến sau khi chuyển dữ liệu sổ cũ","issuedOn":"27/12/2018","receivedOn":"28/12/2018","confirmDuplicate":true}' \
  "$http/api/t/$commune/documents/incoming")
number=$(grep -o '"number":[0-9]*' <<< "$made" | cut -d: -f2)
if [[ "$number" == "$((last + 1))" ]]; then
  echo "   a paper document registered through the API in $commune's 2018 incoming register: number $number after the last migrated $last: ok (${made##* } s)"
else
  echo "   the next number WRONG: $number after $last: $made" >&2; status=1
fi

echo "== sizes"
pg -c "DROP TABLE IF EXISTS bench_legacy_ready"
pg -F ' ' -c "SELECT 'database ' || pg_size_pretty(pg_database_size(current_database())) || '; document ' || pg_size_pretty(pg_total_relation_size('document'))
                || ' (table ' || pg_size_pretty(pg_relation_size('document')) || ', indexes ' || pg_size_pretty(pg_indexes_size('document'))
                || '); search_outbox ' || pg_size_pretty(pg_total_relation_size('search_outbox')) || ' (empty, not vacuumed)'"
curl -s "http://127.0.0.1:$((EGOV_PORTBASE + 83))/solr/admin/cores?action=STATUS&core=egov&wt=json" \
  | grep -o '"numDocs":[0-9]*\|"size":"[^"]*"\|"segmentCount":[0-9]*' | tr '\n' ' ' | sed 's/^/   Solr core egov: /'; echo
machine
exit $status
