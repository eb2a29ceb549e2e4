-- Issue 21: the note of an article's version that the platform writes when the person gave none (created, edited,
-- submitted, approved and published or scheduled, returned with a comment, unpublished, restored) is kept as a key of
-- the portal's texts with its arguments, and said in the reader's language when read (vn.egov.portal.control.VersionNote).
-- What a person wrote stays text in note. Versions saved before this keep their Vietnamese text.
ALTER TABLE portal_article_version ADD COLUMN note_key varchar(100),
                                   ADD COLUMN note_args text[] NOT NULL DEFAULT '{}';
