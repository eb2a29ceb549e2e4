-- N synthetic official documents (type 'bench') as search outbox rows, spread over every live unit, written in
-- one transaction: the outbox worker sees them all at the commit. Vietnamese words from administrative texts,
-- with diacritics, in NFC; 70% staff-visible, 30% public.
\set ON_ERROR_STOP on
BEGIN;
SELECT set_config('app.tenant_id', (SELECT id FROM tenant WHERE parent_id IS NULL ORDER BY id LIMIT 1)::text, true),
       set_config('app.subtree', 'on', true);
CREATE TEMP TABLE words (w text[]) ON COMMIT DROP;
INSERT INTO words VALUES (string_to_array(
  'thủ tục hành chính đăng ký khai sinh kết hôn hộ tịch chứng thực bản sao giấy phép xây dựng đất đai quyền sử dụng '
  'công văn quyết định thông báo kế hoạch báo cáo tờ trình giấy mời hướng dẫn chỉ thị nghị quyết ủy ban nhân dân '
  'tỉnh huyện xã phường thị trấn sở nội vụ tư pháp tài chính giáo dục đào tạo y tế giao thông vận tải nông nghiệp '
  'phát triển nông thôn tài nguyên môi trường văn hóa thể thao du lịch lao động thương binh xã hội công thương khoa học '
  'công nghệ thông tin truyền thông kế hoạch đầu tư xây dựng thanh tra dân tộc ngoại vụ văn phòng hội đồng '
  'cải cách hành chính một cửa liên thông dịch vụ công trực tuyến hồ sơ tiếp nhận trả kết quả bưu chính thời hạn '
  'ngày làm việc phí lệ phí điều kiện căn cứ pháp lý mẫu đơn tờ khai bản chính người dân doanh nghiệp cán bộ '
  'công chức viên chức chủ tịch phó chủ tịch giám đốc trưởng phòng chuyên viên văn thư lưu trữ ký số chữ ký '
  'khẩn thượng khẩn hỏa tốc mật phòng chống thiên tai lũ quét sạt lở đất mưa lớn bão rét đậm rét hại '
  'an toàn thực phẩm dịch bệnh tiêm chủng bảo hiểm y tế học sinh sinh viên trường học giáo viên '
  'đường giao thông cầu cống thủy lợi điện lưới nước sạch nông thôn mới chương trình mục tiêu quốc gia '
  'giảm nghèo bền vững đồng bào dân tộc thiểu số vùng cao biên giới cửa khẩu Lào Cai Sa Pa Bát Xát Bảo Thắng '
  'Bảo Yên Bắc Hà Mường Khương Si Ma Cai Văn Bàn Quang Kim Bản Qua Bản Phiệt du khách Fansipan ruộng bậc thang '
  'quy hoạch sử dụng đất bồi thường hỗ trợ tái định cư giải phóng mặt bằng dự án vốn ngân sách nhà nước', ' '));
CREATE TEMP TABLE units ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, path::text AS path FROM tenant WHERE status = 'active';
-- 20,011 titles and 20,021 bodies of random words, combined per document with its own number (so that no two
-- documents are the same text), rather than drawing ~90 random words for each of a million rows
CREATE TEMP TABLE titles ON COMMIT DROP AS
  SELECT i, initcap(array_to_string(ARRAY(SELECT ws.w[1 + floor(random() * cardinality(ws.w))::int]
                                          FROM generate_series(1, 6 + (i % 7)) WHERE i >= 0), ' ')) AS t
    FROM generate_series(0, 20010) i CROSS JOIN words ws;
CREATE TEMP TABLE bodies ON COMMIT DROP AS
  SELECT i, array_to_string(ARRAY(SELECT ws.w[1 + floor(random() * cardinality(ws.w))::int]
                                  FROM generate_series(1, 40 + (i % 80)) WHERE i >= 0), ' ') AS b
    FROM generate_series(0, 20020) i CROSS JOIN words ws;
INSERT INTO search_outbox (tenant_id, doc_id, op, document)
SELECT u.id, 'bench:' || g, 'upsert',
       jsonb_build_object(
         'id', 'bench:' || g, 'tenantId', u.id, 'tenantPath', u.path, 'type', 'bench',
         'visibility', CASE WHEN g % 10 < 3 THEN 'public' ELSE 'staff' END, 'readers', '[]'::jsonb,
         'title', t.t || ' số ' || g, 'body', b.b || ' văn bản số ' || g, 'url', '/bench/' || g,
         'updated', to_char((timestamptz '2018-01-01' + (g % 2500) * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
  FROM generate_series(1, :docs) g
  JOIN units u ON u.k = g % (SELECT count(*) FROM units)
  JOIN titles t ON t.i = g % 20011
  JOIN bodies b ON b.i = (g * 7) % 20021;
COMMIT;
