-- The documents outbox goes through the platform's outbox functions (V8_20, issue 21): registered (its rows are
-- independent: no key rule), its own claim, marks, backoff and give-up functions dropped. What the axis answered is
-- the documents module's own business and stays here: the recipient's row (document_outbound) follows its package.
INSERT INTO outbox_table (tbl, key_column, key_rule, sent_deleted, has_target)
VALUES ('document_outbox', NULL, NULL, false, true);

DROP FUNCTION document_outbox_claim(integer, interval, text[]);
DROP FUNCTION document_outbox_sent(bigint, text);
DROP FUNCTION document_outbox_refused(bigint, text);
DROP FUNCTION document_outbox_failed(bigint, text, integer, integer);

-- The axis took the package of an outbox row: its recipient is sent, with the axis's id (the worker then marks the row).
CREATE FUNCTION document_outbound_accepted(p_outbox_id bigint, p_axis_id text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE document_outbound SET status = 'sent', axis_id = left(p_axis_id, 100), sent_at = now(), last_error = NULL
     WHERE id = (SELECT x.outbound_id FROM document_outbox x WHERE x.id = p_outbox_id) AND status IN ('queued', 'failed')
$$;

-- The axis refused it with a reason: its recipient is refused, for good (the worker then marks the row refused).
CREATE FUNCTION document_outbound_refused(p_outbox_id bigint, p_reason text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE document_outbound SET status = 'refused', reason = left(p_reason, 2000), answered_at = now(), attempts = attempts + 1
     WHERE id = (SELECT x.outbound_id FROM document_outbox x WHERE x.id = p_outbox_id) AND status IN ('queued', 'failed')
$$;

GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION document_outbound_accepted(bigint, text) OWNER TO ${indexer_role};
ALTER FUNCTION document_outbound_refused(bigint, text) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION document_outbound_accepted(bigint, text), document_outbound_refused(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION document_outbound_accepted(bigint, text), document_outbound_refused(bigint, text) TO ${app_role};

-- A failed try (the platform's outbox_failed, in its transaction): the recipient shows the tries and the last error,
-- and once the row is given up (never due again) it shows failed with that error as the reason. A requeue (tries
-- back to zero) is not a try.
CREATE FUNCTION document_outbox_tried() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE document_outbound
       SET attempts = NEW.attempts, last_error = left(NEW.last_error, 2000),
           status = CASE WHEN NEW.next_attempt_at = 'infinity' THEN 'failed' ELSE status END,
           reason = CASE WHEN NEW.next_attempt_at = 'infinity' THEN left(NEW.last_error, 2000) ELSE reason END
     WHERE id = NEW.outbound_id AND status IN ('queued', 'failed');
    RETURN NULL;
END
$$;
CREATE TRIGGER document_outbox_tried AFTER UPDATE OF attempts ON document_outbox FOR EACH ROW
    WHEN (NEW.outbound_id IS NOT NULL AND NEW.sent_at IS NULL AND NEW.attempts > OLD.attempts)
    EXECUTE FUNCTION document_outbox_tried();
