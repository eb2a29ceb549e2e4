-- Runs as the owner, BEFORE row level security is enabled/forced on record_rls
-- (under FORCE, an INSERT ... SELECT by the owner with no scope set would be rejected/see nothing).
-- ${rows} is substituted by the Java driver (a plain integer).
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SELECT setseed(0.42);

-- Skewed volume per tenant: the province office a fixed share, departments and districts
-- moderately busy, communes from quiet to busy (cubic skew: a few communes carry much more).
CREATE TEMP TABLE tenant_weight AS
SELECT id,
       CASE kind
         WHEN 'province'   THEN 40.0
         WHEN 'department' THEN 6.0 + 12.0 * random()
         WHEN 'district'   THEN 10.0 + 15.0 * random()
         ELSE                   1.0 + 8.0 * power(random(), 3)
       END AS w
  FROM tenant
 ORDER BY id;

CREATE TEMP TABLE tenant_rows AS
SELECT id, floor(${rows} * w / sum(w) OVER ())::int AS n FROM tenant_weight;
-- give the rounding remainder to the province so the total is exact
UPDATE tenant_rows SET n = n + (${rows} - (SELECT sum(n) FROM tenant_rows)) WHERE id = 1;

-- Two years of records, inserted in creation order (as a live system would: tenants interleave on the heap).
INSERT INTO record_plain (tenant_id, created, status, title)
SELECT t.id,
       timestamptz '2025-11-01 00:00:00+07' - random() * interval '730 days' AS created,
       (ARRAY[1, 2, 3, 3, 3, 3, 4, 5])[1 + floor(random() * 8)::int],
       'Hồ sơ ' || t.id || '-' || g || ' ' || md5(t.id || ':' || g)
  FROM tenant_rows t
 CROSS JOIN LATERAL generate_series(1, t.n) g
 ORDER BY created;

-- Byte-identical copy, same ids and same physical order.
INSERT INTO record_rls SELECT * FROM record_plain ORDER BY id;
SELECT setval('record_rls_id_seq', (SELECT max(id) FROM record_rls));

CREATE INDEX record_plain_tenant_created ON record_plain (tenant_id, created);
CREATE INDEX record_rls_tenant_created   ON record_rls   (tenant_id, created);
