-- The search outbox goes through the platform's outbox functions (V8_20, issue 21): registered with its rule (only a
-- document's newest row is sent; sending it settles the older ones) and its sent rows deleted; its own claim, marks,
-- backoff and backlog functions dropped.
INSERT INTO outbox_table (tbl, key_column, key_rule, sent_deleted, has_target)
VALUES ('search_outbox', 'doc_id', 'newest wins', true, false);

DROP FUNCTION search_outbox_claim(integer, interval);
DROP FUNCTION search_outbox_done(bigint[]);
DROP FUNCTION search_outbox_failed(bigint[], text, integer);
DROP FUNCTION search_outbox_backlog();
