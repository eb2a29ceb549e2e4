-- Issue 21: a line of a document's history that the platform writes (received from a unit, by edXML or on paper;
-- sent to units or through the national axis; returned as a dossier's result; a leader's direction: who leads,
-- supports, by when) is kept as a key of the documents' texts with its arguments, and said in the reader's language
-- when read (vn.egov.documents.control.EventNote). Its Vietnamese text stays in note for the readers of that column.
-- What a person wrote (a review note, a reason, a result) stays text in note. Lines written before keep their text.
ALTER TABLE document_event ADD COLUMN note_key varchar(100),
                           ADD COLUMN note_args text[] NOT NULL DEFAULT '{}';
