-- The dashboard bench's dossiers: :n dossiers (the replay's 132,807 by default) over the real unit tree in the shape
-- the replay plays (Replay.java): 22 months of receipts; a department's procedure 40%, a district's 25%, a commune's
-- 35%; online 70%, at the counter 30%; about 4% refused; about 15% were transferred to the level above and back (a
-- party); results early, on time or late against the due date, a tenth rated by the applicant; the dossiers of the
-- last three weeks mostly still open (some of those held by the level above), a few older ones overdue and open.
-- Papers stored as files for the online dossiers, a result file for most results. Run as a superuser (row-level
-- security does not bind it) on the bench's database; seeded, so that a run is the same run.
SELECT setseed(0.2207);

CREATE TEMP TABLE bench_level AS
SELECT CASE WHEN nlevel(t.path) = 3 THEN 'commune' WHEN t.kind IN ('district', 'city', 'town') THEN 'district' ELSE 'province' END AS level,
       array_agg(t.id ORDER BY t.id) AS ids, array_agg(coalesce(p.id, t.id) ORDER BY t.id) AS parents
  FROM tenant t LEFT JOIN tenant p ON p.path = subpath(t.path, 0, nlevel(t.path) - 1) AND nlevel(t.path) > 2
 WHERE t.status = 'active' AND nlevel(t.path) >= 2
 GROUP BY 1;

CREATE TEMP TABLE bench_draw AS
SELECT g,
       CASE WHEN r1 < 0.40 THEN 'province' WHEN r1 < 0.65 THEN 'district' ELSE 'commune' END AS level,
       random() AS r_unit, random() AS r_outcome, random() AS r_time, random() AS r_channel, random() AS r_rating, random() AS r_transfer,
       now() - random() * interval '669 days' AS received_at
  FROM (SELECT g, random() AS r1 FROM generate_series(1, :n) g) s;

CREATE TEMP TABLE bench_dossier AS
SELECT d.g, l.ids[1 + floor(d.r_unit * array_length(l.ids, 1))::int] AS tenant_id,
       l.parents[1 + floor(d.r_unit * array_length(l.ids, 1))::int] AS parent_id,
       d.level, d.received_at, d.r_outcome, d.r_time, d.r_channel, d.r_rating, d.r_transfer,
       (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
         + CASE d.level WHEN 'province' THEN 14 WHEN 'district' THEN 9 ELSE 7 END AS due_date,
       (now() - d.received_at) < interval '21 days' AS recent
  FROM bench_draw d JOIN bench_level l ON l.level = d.level;

INSERT INTO dossier (tenant_id, code, procedure_id, procedure_code, procedure_name, procedure_version, applicant_name, channel, form, status,
                     received_at, due_date, created_by, holder_id, parties, step_id, step_name, assignee, finished_at, rating, rated_at)
SELECT b.tenant_id, t.code || '-' || to_char(b.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-b' || b.g,
       p.id, p.code, p.name, 1, 'Người nộp thử ' || b.g, CASE WHEN b.r_channel < 0.70 THEN 'online' ELSE 'counter' END,
       '{"fullName":"Người nộp thử"}', o.status, b.received_at, b.due_date, 'bench',
       CASE WHEN o.status IN ('received', 'in_progress') AND b.r_transfer < 0.15 AND b.level <> 'province' THEN b.parent_id ELSE b.tenant_id END,
       CASE WHEN b.r_transfer < 0.15 AND b.level <> 'province' THEN ARRAY[b.tenant_id, b.parent_id] ELSE ARRAY[b.tenant_id] END,
       CASE WHEN o.status = 'done' THEN 'tra' WHEN o.status = 'refused' THEN 'xu-ly' ELSE 'xu-ly' END,
       CASE WHEN o.status = 'done' THEN 'Trả kết quả' ELSE 'Thụ lý, thẩm định' END,
       CASE WHEN o.status = 'in_progress' THEN 'bench.officer' END,
       o.finished_at, CASE WHEN o.status = 'done' AND b.r_rating < 0.10 THEN 3 + floor(b.r_rating * 30)::int % 3 END,
       CASE WHEN o.status = 'done' AND b.r_rating < 0.10 THEN o.finished_at + interval '1 day' END
  FROM bench_dossier b
  JOIN tenant t ON t.id = b.tenant_id
  JOIN procedure p ON p.code = CASE b.level WHEN 'province' THEN '1.999101.H38' WHEN 'district' THEN '1.999102.H38' ELSE '1.999103.H38' END
       AND p.tenant_id = (SELECT id FROM tenant WHERE nlevel(path) = 1 LIMIT 1)
  CROSS JOIN LATERAL (
      SELECT CASE WHEN b.recent AND b.r_outcome < 0.70 THEN (CASE WHEN b.r_outcome < 0.20 THEN 'received' ELSE 'in_progress' END)
                  WHEN NOT b.recent AND b.r_outcome > 0.995 THEN 'in_progress'
                  WHEN b.r_outcome > 0.955 THEN 'refused'
                  ELSE 'done' END AS status) s
  CROSS JOIN LATERAL (
      -- early 60% (1-4 days before the due date), on time 25%, late 15% (1-10 days after); never before the receipt
      SELECT s.status, CASE WHEN s.status IN ('done', 'refused') THEN least(now() - interval '1 minute', greatest(b.received_at + interval '2 hours',
             ((b.due_date + CASE WHEN b.r_time < 0.60 THEN -1 - floor(b.r_time * 10)::int % 4
                                 WHEN b.r_time < 0.85 THEN 0 ELSE 1 + floor(b.r_time * 100)::int % 10 END)::timestamp
               + interval '10 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh')) END AS finished_at) o;

INSERT INTO dossier_file (tenant_id, dossier_id, paper_id, name, content_type, size_bytes, sha256, content, kind, added_at)
SELECT d.tenant_id, d.id, 'to-khai', 'to-khai.pdf', 'application/pdf', 5, repeat('0', 64), '\x255044462d'::bytea, 'paper', d.received_at
  FROM dossier d WHERE d.created_by = 'bench' AND d.channel = 'online';
INSERT INTO dossier_file (tenant_id, dossier_id, paper_id, name, content_type, size_bytes, sha256, content, kind, added_at)
SELECT d.tenant_id, d.id, 'ket-qua', 'ket-qua.pdf', 'application/pdf', 5, repeat('0', 64), '\x255044462d'::bytea, 'result', d.finished_at
  FROM dossier d WHERE d.created_by = 'bench' AND d.status = 'done' AND d.id % 10 <> 0;

ANALYZE dossier;
ANALYZE dossier_file;
SELECT 'dossiers: ' || count(*) || ' (' || count(*) FILTER (WHERE status = 'done') || ' done, ' || count(*) FILTER (WHERE status = 'refused')
       || ' refused, ' || count(*) FILTER (WHERE finished_at IS NULL) || ' open, '
       || count(*) FILTER (WHERE finished_at IS NULL AND due_date < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) || ' overdue now) over '
       || count(DISTINCT tenant_id) || ' units, files: ' || (SELECT count(*) FROM dossier_file)
  FROM dossier;
