-- The legacy registers to migrate (run by ingest.sh before the measured load, not measured): :docs synthetic official
-- documents of the years 2016-2018 in an unlogged staging table, as a migration would have them after reading the old
-- system's export, already numbered per unit, register, series and year. Nothing here touches the platform's tables
-- except the units' clerks (app_user rows, one per unit, disabled: the legacy 'văn thư' accounts that entered the
-- documents and read the secret ones).
--   the volume: :docs split as the seed's 2,036,196 incoming : 367,593 outgoing, exactly (cumulative rounding);
--   the spread over the units (weights): the province 30, a department/agency/board 12 (x0.7-1.3 per unit), a
--     city/district/town 15 (city x1.4), a ward 2.8, a township 2.6, a commune 2.0 (x0.7-1.3 per unit);
--   the days: working days (a Saturday 1/10 of one, no Sunday), fewer around Tết (February x0.6), more in December
--     (x1.3), 2017 x1.1 and 2018 x1.2 of 2016; office hours, whole seconds;
--   urgency: THUONG 88%, KHAN 8%, THUONG_KHAN 3%, HOA_TOC 1%; secrecy: MAT 0.8%, TOI_MAT 0.15%, TUYET_MAT 0.05%
--     (numbered in their own series, read by the clerk and the unit's staff that existed before the load);
--   types: Công văn 50%, Quyết định 12%, Báo cáo 10%, Thông báo 8%, Kế hoạch 8%, Giấy mời 6%, Hướng dẫn 3%, Tờ trình 2%,
--     Chỉ thị 1%; abstracts from a word list, with diacritics, NFC;
--   incoming: from the unit's parent (40%), else a province-level unit, a district or a central body; received 0-10
--     days after issue, a deadline on 15%, handled ('done') 95%, still 'registered' 5%; outgoing: issued, signed by one
--     of the unit's 3 leaders.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET work_mem = '256MB';
SELECT setseed(0.2016);
DROP TABLE IF EXISTS bench_legacy_document, bench_legacy_ready;
BEGIN;
SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE parent_id IS NULL ORDER BY id LIMIT 1)::text, true),
       set_config('app.subtree', 'on', true);
-- the clerks: one legacy account per unit (no password can match '!', and disabled)
INSERT INTO app_user (tenant_id, username, display_name, password_hash, roles, status)
SELECT t.id, 'vt.' || t.id, left('Văn thư ' || t.name, 200), '!', '{STAFF,CLERK}', 'disabled'
  FROM tenant t WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.username = 'vt.' || t.id);

CREATE TEMP TABLE units ON COMMIT DROP AS
  SELECT t.id, t.code, t.name, t.kind, t.parent_id, t.path::text AS path,
         CASE WHEN t.kind IN ('department', 'agency', 'board') THEN upper(replace(t.code, '-', '')) ELSE 'UBND' END AS abbr,
         (CASE t.kind WHEN 'province' THEN 30 WHEN 'department' THEN 12 WHEN 'agency' THEN 12 WHEN 'board' THEN 12
                      WHEN 'city' THEN 21 WHEN 'district' THEN 15 WHEN 'town' THEN 15
                      WHEN 'ward' THEN 2.8 WHEN 'township' THEN 2.6 ELSE 2.0 END)
           * CASE WHEN t.kind IN ('province', 'city', 'district', 'town') THEN 1 ELSE 0.7 + 0.6 * ((hashtext(t.code) & 1023) / 1023.0) END AS w,
         -- the readers of a secret document: the clerk, and the unit's active staff of before the load
         ARRAY(SELECT u.id FROM app_user u WHERE u.tenant_id = t.id AND (u.username = 'vt.' || t.id OR (u.status = 'active' AND 'STAFF' = ANY (u.roles)))
                ORDER BY u.id) AS readers
    FROM tenant t WHERE t.status = 'active';
-- how many documents each unit has, and how many of them incoming: cumulative rounding, so the totals are exact
CREATE TEMP TABLE alloc ON COMMIT DROP AS
  WITH c AS (SELECT id, sum(w) OVER (ORDER BY id) / sum(w) OVER () AS hi, coalesce(sum(w) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                    / sum(w) OVER () AS lo FROM units),
       n AS (SELECT id, round(hi * :docs)::bigint AS cum, round(hi * :docs)::bigint - round(lo * :docs)::bigint AS n FROM c)
  SELECT id, n, round(cum * 2036196 / 2403789.0)::bigint - round((cum - n) * 2036196 / 2403789.0)::bigint AS incoming FROM n;

-- the days: one slot per twentieth of an ordinary working day's volume
CREATE TEMP TABLE slots ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY d) - 1 AS slot, d::date AS day
    FROM generate_series(date '2016-01-01', date '2018-12-31', interval '1 day') d
         CROSS JOIN LATERAL generate_series(1, round(
           CASE extract(isodow FROM d) WHEN 7 THEN 0 WHEN 6 THEN 2 ELSE 20 END
           * CASE extract(month FROM d) WHEN 2 THEN 0.6 WHEN 12 THEN 1.3 ELSE 1 END
           * CASE extract(year FROM d) WHEN 2016 THEN 1 WHEN 2017 THEN 1.1 ELSE 1.2 END)::int) s;
CREATE UNIQUE INDEX ON slots (slot);

CREATE TEMP TABLE words ON COMMIT DROP AS SELECT string_to_array(
  'thủ tục hành chính, đăng ký, hộ tịch, chứng thực, giấy phép, xây dựng, đất đai, quyền sử dụng đất, kế hoạch, báo cáo, '
  'hướng dẫn, chỉ đạo, ủy ban nhân dân, nội vụ, tư pháp, tài chính, giáo dục, đào tạo, y tế, giao thông, vận tải, nông nghiệp, '
  'phát triển, nông thôn, tài nguyên, môi trường, văn hóa, thể thao, du lịch, lao động, thương binh, xã hội, công thương, '
  'khoa học, công nghệ, thông tin, truyền thông, đầu tư, thanh tra, dân tộc, ngoại vụ, cải cách hành chính, một cửa liên thông, '
  'dịch vụ công trực tuyến, hồ sơ, tiếp nhận, trả kết quả, thời hạn, phí, lệ phí, cán bộ, công chức, viên chức, biên chế, '
  'tuyển dụng, thi đua, khen thưởng, kỷ luật, phòng chống, thiên tai, lũ quét, sạt lở đất, mưa lớn, rét đậm, rét hại, '
  'an toàn thực phẩm, dịch bệnh, tiêm chủng, bảo hiểm y tế, học sinh, trường học, giáo viên, đường giao thông, cầu cống, '
  'thủy lợi, điện lưới, nước sạch, nông thôn mới, chương trình, mục tiêu quốc gia, giảm nghèo, bền vững, đồng bào, '
  'thiểu số, vùng cao, biên giới, cửa khẩu, quy hoạch, bồi thường, hỗ trợ, tái định cư, giải phóng mặt bằng, dự án, vốn, '
  'ngân sách nhà nước, quyết toán, dự toán, thu chi, kiểm tra, giám sát, phòng cháy chữa cháy, an ninh trật tự, quốc phòng, '
  'tuyển quân, bầu cử, đại biểu, hội đồng nhân dân, tiếp công dân, khiếu nại, tố cáo, tham nhũng, lãng phí, '
  'chuyển đổi số, chính quyền điện tử, chữ ký số, hội nghị, tập huấn, sơ kết, tổng kết, các thôn bản, các xã, '
  'trên địa bàn, giai đoạn, đợt, tháng, quý, sáu tháng đầu năm, của ngành, của đơn vị, theo quy định', ', ') AS w;
-- 10,007 fragments of 2 to 5 words, picked per document (not ~8 random words drawn for each of millions of rows)
CREATE TEMP TABLE fragments ON COMMIT DROP AS
  SELECT i, array_to_string(ARRAY(SELECT ws.w[1 + floor(random() * cardinality(ws.w))::int]
                                  FROM generate_series(1, 2 + (i % 4)) WHERE i >= 0), ' ') AS f
    FROM generate_series(0, 10006) i CROSS JOIN words ws;
CREATE TEMP TABLE topics ON COMMIT DROP AS
  SELECT row_number() OVER () - 1 AS i, t FROM unnest(ARRAY[
    'công tác phòng chống thiên tai, tìm kiếm cứu nạn', 'công tác cải cách hành chính', 'giải phóng mặt bằng', 'tiêm chủng mở rộng',
    'phòng chống dịch bệnh trên gia súc, gia cầm', 'xây dựng nông thôn mới', 'giảm nghèo bền vững', 'thu ngân sách nhà nước',
    'quyết toán vốn đầu tư xây dựng cơ bản', 'tuyển sinh vào lớp 10', 'kỳ thi trung học phổ thông quốc gia', 'phòng cháy chữa cháy rừng',
    'bảo đảm an toàn giao thông dịp Tết Nguyên đán', 'đảm bảo an ninh trật tự', 'tuyển chọn và gọi công dân nhập ngũ',
    'tiếp công dân, giải quyết khiếu nại, tố cáo', 'phòng, chống tham nhũng', 'thực hành tiết kiệm, chống lãng phí',
    'thi đua, khen thưởng', 'sắp xếp, kiện toàn tổ chức bộ máy', 'tinh giản biên chế', 'đào tạo, bồi dưỡng cán bộ, công chức',
    'cấp giấy chứng nhận quyền sử dụng đất', 'quản lý trật tự xây dựng', 'bảo vệ môi trường', 'quản lý khai thác khoáng sản',
    'phát triển du lịch Sa Pa', 'quản lý hoạt động xuất nhập khẩu qua cửa khẩu Lào Cai', 'chương trình mục tiêu quốc gia',
    'hỗ trợ đồng bào dân tộc thiểu số', 'bảo hiểm xã hội, bảo hiểm y tế', 'an toàn thực phẩm', 'chống rét cho người và gia súc',
    'ứng dụng công nghệ thông tin, chuyển đổi số', 'dịch vụ công trực tuyến mức độ 3, 4', 'ký số văn bản điện tử',
    'kế hoạch phát triển kinh tế - xã hội', 'dự toán ngân sách', 'kiểm tra công tác văn thư, lưu trữ', 'tổng kết công tác năm',
    'trồng rừng và bảo vệ rừng', 'phòng chống lũ quét, sạt lở đất', 'hỗ trợ tái định cư', 'chăm sóc người có công',
    'tổ chức các ngày lễ lớn', 'bầu cử đại biểu Quốc hội và Hội đồng nhân dân', 'cấp nước sinh hoạt nông thôn',
    'sửa chữa đường giao thông nông thôn', 'kiên cố hóa trường lớp học', 'cấp thẻ bảo hiểm y tế cho học sinh']) AS t;
CREATE TEMP TABLE types ON COMMIT DROP AS
  SELECT * FROM (VALUES (0, 50, 'Công văn', NULL, 'Về việc '), (50, 62, 'Quyết định', 'QĐ', 'Quyết định về '),
    (62, 72, 'Báo cáo', 'BC', 'Báo cáo kết quả '), (72, 80, 'Thông báo', 'TB', 'Thông báo về '), (80, 88, 'Kế hoạch', 'KH', 'Kế hoạch thực hiện '),
    (88, 94, 'Giấy mời', 'GM', 'Mời dự hội nghị về '), (94, 97, 'Hướng dẫn', 'HD', 'Hướng dẫn '), (97, 99, 'Tờ trình', 'TTR', 'Tờ trình về '),
    (99, 100, 'Chỉ thị', 'CT', 'Chỉ thị về tăng cường ')) AS v (lo, hi, name, abbr, lead);
CREATE TEMP TABLE people AS
  SELECT row_number() OVER () - 1 AS i, s || ' ' || m || ' ' || g AS name
    FROM unnest(ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Lý', 'Giàng', 'Lò', 'Sùng', 'Hà', 'Vàng']) s,
         unnest(ARRAY['Văn', 'Thị', 'Đức', 'Hữu', 'Minh', 'Quang', 'Thanh', 'Ngọc']) m,
         unnest(ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Hùng', 'Hương', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân',
                      'Sơn', 'Thắng', 'Thảo', 'Tuấn', 'Vinh', 'Xuân']) g;
-- who sends documents to a unit besides its parent: the province-level units, the districts, central bodies
CREATE TEMP TABLE senders ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY k, name) - 1 AS i, name, abbr FROM (
    SELECT 0 AS k, name, abbr FROM units WHERE kind IN ('province', 'department', 'agency', 'board', 'city', 'district', 'town')
    UNION ALL
    SELECT 1, n, a FROM (VALUES ('Văn phòng Chính phủ', 'VPCP'), ('Bộ Nội vụ', 'BNV'), ('Bộ Tài chính', 'BTC'), ('Bộ Tư pháp', 'BTP'),
      ('Bộ Kế hoạch và Đầu tư', 'BKHĐT'), ('Bộ Y tế', 'BYT'), ('Bộ Giáo dục và Đào tạo', 'BGDĐT'), ('Bộ Tài nguyên và Môi trường', 'BTNMT'),
      ('Bộ Nông nghiệp và Phát triển nông thôn', 'BNNPTNT'), ('Bộ Thông tin và Truyền thông', 'BTTTT'), ('Bộ Công an', 'BCA'),
      ('Ủy ban Dân tộc', 'UBDT'), ('Công an tỉnh Lào Cai', 'CAT'), ('Bộ Chỉ huy Quân sự tỉnh Lào Cai', 'BCHQS'),
      ('Bảo hiểm xã hội tỉnh Lào Cai', 'BHXH'), ('Tỉnh ủy Lào Cai', 'TU'), ('Hội đồng nhân dân tỉnh Lào Cai', 'HĐND')) c (n, a)) s;

CREATE UNLOGGED TABLE bench_legacy_document AS
WITH raw AS (
  SELECT u.id AS tenant_id, u.code, u.name AS unit_name, u.abbr AS unit_abbr, u.parent_id, u.readers AS unit_readers, k,
         CASE WHEN k <= a.incoming THEN 'incoming' ELSE 'outgoing' END AS register,
         floor(random() * (SELECT count(*) FROM slots))::int AS slot, random() AS r_time, floor(random() * 100)::int AS r_type,
         random() AS r_urg, random() AS r_sec, random() AS r_from, floor(random() * 1000000)::int AS r_pick, random() AS r_misc
    FROM units u JOIN alloc a ON a.id = u.id CROSS JOIN LATERAL generate_series(1, a.n) k
), dated AS (
  SELECT r.*, s.day,
         CASE WHEN r.register = 'incoming' THEN s.day - (r.r_pick / 3) % 11 ELSE s.day END AS issued_on,
         date_trunc('second', (s.day + time '07:30' + r.r_time * interval '9 hours 30 minutes') AT TIME ZONE 'Asia/Ho_Chi_Minh') AS at,
         CASE WHEN r.r_sec < 0.008 THEN 'MAT' WHEN r.r_sec < 0.0095 THEN 'TOI_MAT' WHEN r.r_sec < 0.01 THEN 'TUYET_MAT' END AS secrecy,
         CASE WHEN r.r_urg < 0.88 THEN 'THUONG' WHEN r.r_urg < 0.96 THEN 'KHAN' WHEN r.r_urg < 0.99 THEN 'THUONG_KHAN' ELSE 'HOA_TOC' END AS urgency
    FROM raw r JOIN slots s ON s.slot = r.slot
), shaped AS (
  SELECT d.*, extract(year FROM d.day)::int AS year, CASE WHEN d.secrecy IS NULL THEN 'normal' ELSE 'secret' END AS series,
         t.name AS doc_type, t.abbr AS type_abbr, t.lead,
         -- incoming: its sender (the parent 40%, else one of the others)
         CASE WHEN d.register = 'outgoing' THEN d.unit_name WHEN d.r_from < 0.4 AND p.id IS NOT NULL THEN p.name ELSE s.name END AS issuer,
         CASE WHEN d.register = 'outgoing' THEN d.unit_abbr WHEN d.r_from < 0.4 AND p.id IS NOT NULL THEN p.abbr ELSE s.abbr END AS from_abbr,
         tp.t AS topic, f.f AS fragment
    FROM dated d
    JOIN types t ON d.r_type >= t.lo AND d.r_type < t.hi
    LEFT JOIN units p ON p.id = d.parent_id
    JOIN senders s ON s.i = d.r_pick % (SELECT count(*) FROM senders)
    JOIN topics tp ON tp.i = (d.r_pick / 7) % (SELECT count(*) FROM topics)
    JOIN fragments f ON f.i = (d.r_pick / 11) % 10007
)
SELECT tenant_id, code, register, series, year,
       row_number() OVER (PARTITION BY tenant_id, register, series, year ORDER BY at, k)::int AS number,
       secrecy, urgency, doc_type,
       -- outgoing: the symbol after the number (a secret document's series has its own: -M), "QĐ-UBND", "UBND-VP"
       CASE WHEN register = 'outgoing' THEN coalesce(type_abbr || '-' || unit_abbr, unit_abbr || '-VP') || CASE WHEN secrecy IS NULL THEN '' ELSE '-M' END END AS symbol,
       issuer, issued_on, day, at, from_abbr, type_abbr, r_misc, r_pick, unit_readers,
       normalize(lead || topic || ' ' || fragment || ' năm ' || year, NFC) AS abstract
  FROM shaped;
COMMIT;

-- the rest of each row, now that numbers are known
CREATE UNLOGGED TABLE bench_legacy_ready AS
SELECT d.tenant_id, d.code, d.register, d.series, d.year, d.number,
       CASE WHEN d.register = 'outgoing' THEN 'issued' WHEN d.r_misc < 0.05 THEN 'registered' ELSE 'done' END AS status,
       d.secrecy, d.urgency, d.doc_type, d.symbol, d.issuer, d.issued_on, d.day, d.at, d.abstract,
       CASE WHEN d.register = 'outgoing' THEN CASE WHEN d.number < 10 THEN '0' ELSE '' END || d.number || '/' || d.symbol
            ELSE (1 + d.r_pick % 2400) || '/' || coalesce(d.type_abbr || '-' || d.from_abbr, d.from_abbr || '-VP') END AS number_symbol,
       -- outgoing: one of the unit's three leaders; incoming: the sender's
       p.name AS signer,
       CASE WHEN d.register = 'outgoing' THEN 'Như trên; Lưu: VT.' END AS recipients_text,
       CASE WHEN d.register = 'incoming' AND d.r_misc > 0.85 THEN d.day + 5 + d.r_pick % 26 END AS due_date,
       1 + (d.r_pick / 13) % 6 + CASE WHEN d.r_misc > 0.9 THEN 10 ELSE 0 END AS page_count,
       CASE WHEN d.secrecy IS NULL THEN '{}'::bigint[] ELSE d.unit_readers END AS readers,
       'vt.' || d.tenant_id AS created_by,
       CASE WHEN d.register = 'incoming' AND d.r_misc >= 0.05 THEN d.at + (1 + d.r_pick % 15) * interval '1 day' END AS done_at
  FROM bench_legacy_document d
  JOIN people p ON p.i = CASE WHEN d.register = 'outgoing' THEN (d.tenant_id * 37 + d.r_pick % 3) % 2400 ELSE (d.r_pick / 17) % 2400 END;
DROP TABLE bench_legacy_document;
CREATE INDEX ON bench_legacy_ready (tenant_id);
ANALYZE bench_legacy_ready;
