-- Issue 21: the lines of a dossier's history that the platform wrote before V8_24 (as Vietnamese text) are given the
-- key and arguments a line written today has, so that they too are said in the reader's language
-- (vn.egov.dossiers.control.HistoryNote). Only lines whose whole text is one of the platform's sentences, with the
-- status and actor the platform wrote with it, are keyed; the arguments are the parts the sentence was filled with, so
-- the Vietnamese said from the key is the text as it was. The text itself stays in note, as it was written.
-- The owner runs this, and row-level security binds it too (FORCE): lifted for this transaction only.
ALTER TABLE dossier_event NO FORCE ROW LEVEL SECURITY;

-- a pattern's groups are the sentence's arguments; the three receptions have none
CREATE TEMPORARY TABLE said_before (key varchar(100), pattern text, status text, actor text) ON COMMIT DROP;
INSERT INTO said_before VALUES
    ('history.receivedOnline',    '^Tiếp nhận hồ sơ nộp trực tuyến$',               'received', NULL),
    ('history.receivedByPost',    '^Tiếp nhận hồ sơ gửi qua bưu chính$',            'received', NULL),
    ('history.receivedAtCounter', '^Tiếp nhận hồ sơ tại bộ phận một cửa$',          'received', NULL),
    ('history.deliveredByPost',   '^Bưu chính đã phát kết quả \(số hiệu (.*)\)$',   NULL,       'vnpost'),
    ('history.paid',              '^Đã nộp phí, lệ phí ([0-9]+) đồng \(giao dịch (.*)\)$', NULL, 'payment-gateway'),
    ('history.refunded',          '^Hoàn trả ([0-9]+) đồng: (.*)$',                 NULL,       NULL),
    ('history.apology',           '^Xin lỗi và hẹn lại ngày trả kết quả: ([0-9]{2}/[0-9]{2}/[0-9]{4})$', NULL, NULL),
    ('history.refused',           '^Từ chối giải quyết: (.*)$',                     'refused',  NULL),
    ('history.stopped',           '^Dừng giải quyết: (.*)$',                        'stopped',  NULL),
    ('history.withdrawn',         '^Người nộp rút hồ sơ: (.*)$',                    'stopped',  NULL);

UPDATE dossier_event e
   SET note_key = s.key,
       note_args = CASE WHEN s.key LIKE 'history.received%' THEN '{}' ELSE regexp_match(e.note, s.pattern) END
  FROM said_before s
 WHERE e.note_key IS NULL
   AND e.note ~ s.pattern
   AND (s.status IS NULL OR e.status = s.status)
   AND (s.actor IS NULL OR e.actor = s.actor);

ALTER TABLE dossier_event FORCE ROW LEVEL SECURITY;
