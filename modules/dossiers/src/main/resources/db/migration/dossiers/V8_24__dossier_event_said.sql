-- Issue 21: a line of a dossier's history that the platform writes (received online, by post or at the counter; paid;
-- refunded; delivered by post; an apology with a new date) is kept as a key of the dossiers' texts with its arguments,
-- and said in the reader's language when read (vn.egov.dossiers.control.HistoryNote). What a person wrote (a step's
-- name, a reason) stays text in note. Lines written before this keep their Vietnamese text.
ALTER TABLE dossier_event ADD COLUMN note_key varchar(100),
                          ADD COLUMN note_args text[] NOT NULL DEFAULT '{}';
