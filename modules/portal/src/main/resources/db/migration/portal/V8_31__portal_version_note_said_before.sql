-- Issue 21: the notes of an article's versions that the platform wrote before V8_27 (as Vietnamese text, when the
-- person gave none) are given the key and arguments a note written today has (vn.egov.portal.control.VersionNote), so
-- that they too are said in the reader's language. Only whole sentences of the platform's are keyed, those of a
-- status change only on a version with that status; the arguments are the parts the sentence was filled with, so the
-- Vietnamese said from the key is the text as it was. The text itself stays in note.
-- The owner runs this, and row-level security binds it too (FORCE): lifted for this transaction only.
ALTER TABLE portal_article_version NO FORCE ROW LEVEL SECURITY;

UPDATE portal_article_version SET note_key = 'version.created'     WHERE note_key IS NULL AND note = 'Tạo bài' AND version = 1;
UPDATE portal_article_version SET note_key = 'version.edited'      WHERE note_key IS NULL AND note = 'Sửa bài';
UPDATE portal_article_version SET note_key = 'version.submitted'   WHERE note_key IS NULL AND note = 'Gửi duyệt' AND status = 'submitted';
UPDATE portal_article_version SET note_key = 'version.published'   WHERE note_key IS NULL AND note = 'Duyệt và xuất bản' AND status = 'published';
UPDATE portal_article_version SET note_key = 'version.unpublished' WHERE note_key IS NULL AND note = 'Gỡ xuống' AND status = 'unpublished';
UPDATE portal_article_version SET note_key = 'version.scheduled', note_args = regexp_match(note, '^Duyệt, hẹn giờ xuất bản (.+)$')
 WHERE note_key IS NULL AND note ~ '^Duyệt, hẹn giờ xuất bản (.+)$' AND status = 'published';
UPDATE portal_article_version SET note_key = 'version.returned', note_args = regexp_match(note, '^Trả lại: (.*)$')
 WHERE note_key IS NULL AND note ~ '^Trả lại: (.*)$' AND status = 'returned';
UPDATE portal_article_version SET note_key = 'version.restored', note_args = regexp_match(note, '^Khôi phục phiên bản ([0-9]+)$')
 WHERE note_key IS NULL AND note ~ '^Khôi phục phiên bản ([0-9]+)$';

ALTER TABLE portal_article_version FORCE ROW LEVEL SECURITY;
