-- The dossier outbox goes through the platform's outbox functions (V8_20, issue 21): registered with its rule (a
-- dossier's changes to one target go in id order), its own claim, marks, backoff and backlog functions dropped.
-- The walk's index stays: dossier_outbox_unsent_by_target (target, id) WHERE sent_at IS NULL (V6_12), and the key
-- rule's, dossier_outbox_unsent (dossier_id, target, id) WHERE sent_at IS NULL (V6_8).
INSERT INTO outbox_table (tbl, key_column, key_rule, sent_deleted, has_target)
VALUES ('dossier_outbox', 'dossier_id', 'in order', false, true);

DROP FUNCTION dossier_outbox_claim_for(integer, interval, text[]);
DROP FUNCTION dossier_outbox_sent(bigint);
DROP FUNCTION dossier_outbox_sent_all(bigint[]);
DROP FUNCTION dossier_outbox_failed(bigint, text, integer);
DROP FUNCTION dossier_outbox_backlog();
