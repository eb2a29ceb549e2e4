-- One unit's legacy registers (:unit), in one transaction (ingest.sh's driver opens and commits it): its documents
-- into the registers, each one's search entry into the search outbox (what Registers.index writes: type "document",
-- staff-visible, a secret one restricted to its readers), and its registers' counters (the next number follows the
-- last one migrated). As the application does, under the unit's own scope (row-level security), not the owner's.
SELECT set_config('app.tenant_id', :'unit', true) AS tenant, set_config('app.subtree', 'off', true) AS subtree \gset scope_
WITH legacy AS (
  SELECT * FROM bench_legacy_ready WHERE tenant_id = :unit ORDER BY register, series, year, number
), ins AS (
  INSERT INTO document (tenant_id, register, status, secrecy, urgency, doc_type, symbol, year, number, number_symbol, issuer, place,
                        issued_on, abstract, signer, recipients_text, due_date, page_count, readers, received_on, created_by, created_at,
                        registered_at, issued_by, done_by, done_at)
  SELECT tenant_id, register, status, secrecy, urgency, doc_type, symbol, year, number, number_symbol, issuer,
         CASE WHEN register = 'outgoing' THEN 'Lào Cai' END, issued_on, abstract, signer, recipients_text, due_date, page_count, readers,
         CASE WHEN register = 'incoming' THEN day END, created_by, at, at, CASE WHEN register = 'outgoing' THEN created_by END,
         CASE WHEN done_at IS NOT NULL THEN created_by END, done_at
    FROM legacy
  RETURNING id, tenant_id, secrecy, readers, number_symbol, doc_type, abstract, issuer, signer, recipients_text, registered_at
)
INSERT INTO search_outbox (tenant_id, doc_id, op, document)
SELECT i.tenant_id, 'document:' || i.id, 'upsert', jsonb_build_object(
         'id', 'document:' || i.id, 'tenantId', i.tenant_id, 'tenantPath', u.path, 'type', 'document',
         'visibility', CASE WHEN i.secrecy IS NULL THEN 'staff' ELSE 'restricted' END,
         'readers', CASE WHEN i.secrecy IS NULL THEN '[]'::jsonb
                         ELSE (SELECT jsonb_agg('user:' || r ORDER BY 'user:' || r) FROM unnest(i.readers) r) END,
         'title', left(coalesce(i.number_symbol || ' ', '') || i.doc_type || ': ' || i.abstract, 500),
         'body', concat_ws(E'\n', i.abstract, i.issuer, i.signer, i.recipients_text, ''),
         'url', '/api/t/' || u.code || '/documents/' || i.id,
         'updated', to_char(i.registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
  FROM ins i CROSS JOIN (SELECT path::text AS path, code FROM tenant WHERE id = :unit) u;
INSERT INTO document_counter (tenant_id, register, series, year, last)
SELECT tenant_id, register, series, year, max(number) FROM bench_legacy_ready WHERE tenant_id = :unit GROUP BY 1, 2, 3, 4
    ON CONFLICT (register_unit_id, register, series, year) DO UPDATE SET last = greatest(document_counter.last, excluded.last);
