-- The outbox claim keeps a dossier's changes in order: a row is claimed only when no older row of the same dossier
-- and target is unsent. Without an index for that question the planner crossed the pending index with itself,
-- once per candidate: with a backlog of 32,000 rows (the replay benchmark) one claim took 62 s and the backlog
-- grew faster than it was sent. With it the same claim takes about 80 ms, and a normal (short) backlog far less.
CREATE INDEX dossier_outbox_unsent ON dossier_outbox (dossier_id, target, id) WHERE sent_at IS NULL;

-- Marks a round's sent rows in one statement (one commit) instead of one each.
CREATE FUNCTION dossier_outbox_sent_all(p_ids bigint[]) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE dossier_outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = ANY (p_ids)
$$;
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_outbox_sent_all(bigint[]) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_outbox_sent_all(bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_outbox_sent_all(bigint[]) TO ${app_role};
