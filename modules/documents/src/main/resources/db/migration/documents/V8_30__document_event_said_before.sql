-- Issue 21: the lines of a document's history that the platform wrote before V8_26 (as Vietnamese text) are given the
-- key and arguments a line written today has (vn.egov.documents.control.EventNote), so that they too are said in the
-- reader's language. Only lines whose whole text is one of the platform's sentences, written with the action it writes
-- them with, are keyed; the arguments are the parts the sentence was filled with, so the Vietnamese said from the key
-- is the text as it was. The text itself stays in note. A direction is keyed by its most specific form first (with
-- supporters and a deadline), each statement taking only lines not keyed yet.
-- The owner runs this, and row-level security binds it too (FORCE): lifted for this transaction only.
ALTER TABLE document_event NO FORCE ROW LEVEL SECURITY;

UPDATE document_event SET note_key = 'history.receivedFromUnit'
 WHERE note_key IS NULL AND action = 'registered' AND note = 'Nhận từ đơn vị gửi qua hệ thống';
UPDATE document_event SET note_key = 'history.paper'
 WHERE note_key IS NULL AND action = 'registered' AND note = 'Văn bản giấy';
UPDATE document_event SET note_key = 'history.receivedByEdXml', note_args = regexp_match(note, '^Nhận qua trục liên thông \(edXML\) từ (.*)$')
 WHERE note_key IS NULL AND action = 'registered' AND note ~ '^Nhận qua trục liên thông \(edXML\) từ (.*)$';
UPDATE document_event SET note_key = 'history.sentToUnits', note_args = regexp_match(note, '^([0-9]+) đơn vị$')
 WHERE note_key IS NULL AND action = 'sent' AND note ~ '^([0-9]+) đơn vị$';
UPDATE document_event SET note_key = 'history.sentExternal', note_args = regexp_match(note, '^qua trục liên thông văn bản quốc gia: (.*)$')
 WHERE note_key IS NULL AND action = 'sent' AND note ~ '^qua trục liên thông văn bản quốc gia: (.*)$';
UPDATE document_event SET note_key = 'history.result', note_args = regexp_match(note, '^Trả kết quả hồ sơ (.*)$')
 WHERE note_key IS NULL AND action = 'result' AND note ~ '^Trả kết quả hồ sơ (.*)$';

-- a direction: {0} who leads, {1} who supports, {2} by when, {3} ". " and the leader's words (or nothing)
UPDATE document_event SET note_key = 'history.directed.supportBy',
       note_args = regexp_match(note, '^Chủ trì: (.*?); phối hợp: (.*?); hạn: ([0-9]{2}/[0-9]{2}/[0-9]{4})((?:\. .*)?)$')
 WHERE note_key IS NULL AND action = 'directed' AND note ~ '^Chủ trì: (.*?); phối hợp: (.*?); hạn: ([0-9]{2}/[0-9]{2}/[0-9]{4})((?:\. .*)?)$';
UPDATE document_event SET note_key = 'history.directed.by',
       note_args = (SELECT ARRAY[m[1], '', m[2], m[3]] FROM regexp_match(note, '^Chủ trì: (.*?); hạn: ([0-9]{2}/[0-9]{2}/[0-9]{4})((?:\. .*)?)$') AS m)
 WHERE note_key IS NULL AND action = 'directed' AND note ~ '^Chủ trì: (.*?); hạn: ([0-9]{2}/[0-9]{2}/[0-9]{4})((?:\. .*)?)$';
UPDATE document_event SET note_key = 'history.directed.support',
       note_args = (SELECT ARRAY[m[1], m[2], '', m[3]] FROM regexp_match(note, '^Chủ trì: (.*?); phối hợp: (.*?)((?:\. .*)?)$') AS m)
 WHERE note_key IS NULL AND action = 'directed' AND note ~ '^Chủ trì: (.*?); phối hợp: (.*?)((?:\. .*)?)$';
UPDATE document_event SET note_key = 'history.directed',
       note_args = (SELECT ARRAY[m[1], '', '', m[2]] FROM regexp_match(note, '^Chủ trì: (.*?)((?:\. .*)?)$') AS m)
 WHERE note_key IS NULL AND action = 'directed' AND note ~ '^Chủ trì: (.*?)((?:\. .*)?)$';

ALTER TABLE document_event FORCE ROW LEVEL SECURITY;
