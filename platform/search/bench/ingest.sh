#!/usr/bin/env bash
# Search figures (issue 4), on this machine, with the real pieces: the platform ('egov up': Payara with the EAR,
# PostgreSQL, the platform's own Solr node) in its own work folder, database and ports.
#   1. ingest: N synthetic Vietnamese documents (default 1,000,000) spread over the ~200 units of the tree are
#      written to the search outbox in one transaction; from its commit, the time until the outbox worker has
#      made all of them searchable (Solr numFound) gives documents/s;
#   2. query latency through GET /api/search with a subtree filter (a random district), anonymous and as a
#      district administrator, at 1 million documents: p50/p95/p99;
#   3. lag from commit to searchable under a steady write load (notices created through the API, each one
#      polled through /api/search until found).
#   platform/search/bench/ingest.sh          (after ./mvnw -DskipTests package; BENCH_DOCS=200000 for a shorter run;
#   BENCH_KEEP=1 keeps the environment and its index; BENCH_PHASES="query lag" runs only those phases)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cli="$here/provisioning/target/egov-cli.jar"
work="${BENCH_WORK:-/tmp/egov-search-bench}"
export EGOV_DB=egov_sbench EGOV_ROLE_PREFIX=egov_sbench EGOV_DOMAIN=egov-sbench EGOV_PORTBASE=${BENCH_PORTBASE:-19200}
docs=${BENCH_DOCS:-1000000}
http="http://localhost:$((EGOV_PORTBASE + 80))"
solr="http://127.0.0.1:$((EGOV_PORTBASE + 83))/solr/egov"
egov() { java -jar "$cli" --project-dir "$here" --work "$work" "$@"; }
pg() { PGPASSWORD="$(grep '^owner.password' "$work/run/secrets.properties" | cut -d= -f2)" \
       psql -h "${PGHOST:-127.0.0.1}" -U egov_sbench_owner -d egov_sbench -qAt "$@"; }
bench() { java "$here/platform/search/bench/SearchBench.java" "$@"; }

if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
  rm -rf "$work" "$work.admin-password"
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -qc "DROP DATABASE IF EXISTS egov_sbench" >/dev/null 2>&1 || true
fi
# the province administrator's password: chosen once per environment (BENCH_KEEP=1 runs reuse it)
[[ -f "$work.admin-password" ]] || echo "search-bench-$(date +%s)" > "$work.admin-password"
export EGOV_ADMIN_PASSWORD="$(cat "$work.admin-password")"
echo "== platform up (its own work folder $work)"
egov up > "$work.up.log" 2>&1 || { cat "$work.up.log"; exit 1; }

phases="${BENCH_PHASES:-ingest query lag}"
if [[ " $phases " == *" ingest "* ]]; then
echo "== 1. ingest: $docs documents through the outbox"
# a previous run's synthetic documents leave the index first
curl -s "$solr/update?commit=true" -H 'Content-Type: application/json' -d '{"delete":{"query":"type:bench"}}' >/dev/null
t_write=$(date +%s.%N)
pg -f "$here/platform/search/bench/outbox.sql" -v docs="$docs"
t_commit=$(date +%s.%N)
printf 'outbox written and committed: %.1f s\n' "$(echo "$t_commit - $t_write" | bc)"
bench ingest "$solr" "$docs" "$t_commit"
pg -c "SELECT 'outbox rows left: ' || count(*) FROM search_outbox WHERE next_attempt_at < 'infinity'" 2>/dev/null || true
fi

# a province administrator of our own for the clients (login once, then the session cookie)
user="bench$(date +%s)"
otp=$(egov add-user --unit lao-cai --username "$user" --name "Đo hiệu năng" --role PROVINCE_ADMIN --subtree | sed -n 's/.*dùng lần đầu): //p')
password="Bench-$(date +%s)-mat-khau"
curl -sf -o /dev/null -u "$user:$otp" -H 'Content-Type: application/json' \
  -d "{\"currentPassword\":\"$otp\",\"newPassword\":\"$password\"}" "$http/api/me/password"

if [[ " $phases " == *" query "* ]]; then
echo "== 2. query latency at $(curl -s "$solr/select?q=*:*&defType=lucene&rows=0&wt=json" | grep -o '"numFound":[0-9]*') documents"
districts=$(pg -c "SELECT string_agg(code, ',') FROM tenant WHERE nlevel(path) = 2 AND status = 'active'")
bench query "$http" "$solr" "$user" "$password" "$districts"
fi

if [[ " $phases " == *" lag "* ]]; then
echo "== 3. commit-to-searchable lag under a steady write load"
communes=$(pg -c "SELECT string_agg(code, ',') FROM (SELECT code FROM tenant WHERE nlevel(path) = 3 AND status = 'active' ORDER BY id LIMIT 40) c")
bench lag "$http" "$user" "$password" "$communes"
fi

if [[ "${BENCH_KEEP:-}" != "1" ]]; then
  egov stop >/dev/null 2>&1 || true
fi
