-- The outbox (issue 21): one set of functions, owned by the platform, through which the one outbox worker claims,
-- leases, marks, backs off and gives up the rows of every module's outbox table. A module keeps its table (its
-- payload columns, its row-level security, written in the same transaction as the change) and registers it here;
-- it writes no claim or backoff of its own.
--
-- A registered table has the columns id bigint, tenant_id bigint, created_at, attempts integer, next_attempt_at timestamptz,
-- claimed_until timestamptz and last_error text; sent_at timestamptz when its sent rows are kept (else they are
-- deleted); target text when its rows go to more than one outside system (the worker claims only the targets it can
-- reach now: the others keep their rows, untouched). The role that owns these functions bypasses row-level security
-- and needs SELECT and UPDATE (DELETE when sent rows go) on the table.
CREATE TABLE outbox_table (
    tbl          regclass PRIMARY KEY,
    -- rows with the same value here (and target) go in id order ('in order': none while an older one of the same
    -- key is unsent) or only the newest is sent and settles the older ones with it ('newest wins')
    key_column   name,
    key_rule     text CHECK (key_rule IN ('in order', 'newest wins')),
    sent_deleted boolean NOT NULL,
    has_target   boolean NOT NULL,
    CHECK ((key_column IS NULL) = (key_rule IS NULL))
);
GRANT SELECT ON outbox_table TO ${indexer_role};

-- The registration of a table, or an error when it has none (the functions serve registered tables and nothing else).
CREATE FUNCTION outbox_table_of(p_table regclass) RETURNS outbox_table
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
    o outbox_table;
BEGIN
    SELECT * INTO o FROM outbox_table t WHERE t.tbl = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'not an outbox table: %', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN o;
END
$$;

-- The condition "unsent" on a row of the table under the alias given.
CREATE FUNCTION outbox_unsent(o outbox_table, p_alias text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN o.sent_deleted THEN 'true' ELSE format('%I.sent_at IS NULL', p_alias) END
$$;

-- The condition "another unsent row of the same key (and target) as p_row, on the side p_side ('<' older, '>' newer)".
CREATE FUNCTION outbox_same_key(o outbox_table, p_other text, p_row text, p_side text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT format('EXISTS (SELECT 1 FROM %1$s %2$I WHERE %2$I.%4$I = %3$I.%4$I%5$s AND %6$s AND %2$I.id %7$s %3$I.id)',
                  o.tbl, p_other, p_row, o.key_column,
                  CASE WHEN o.has_target THEN format(' AND %1$I.target = %2$I.target', p_other, p_row) ELSE '' END,
                  outbox_unsent(o, p_other), p_side)
$$;

-- Claims up to p_limit due rows for p_lease: a node's claim skips rows another claim holds (SKIP LOCKED) and rows
-- still leased, so two nodes never take the same row. The rows come in id order, each target's in turn (a share of
-- p_limit each, so one busy target does not hold up the others), and the key rule holds. Each target's unsent rows
-- are walked in id order and the walk stops when the share is full: its cost follows what it takes, not the backlog
-- (the walk of V6_12, which took a claim over the replay benchmark's 800,000-row backlog from 1.7 s of a core to a
-- walk of what is claimed). The table is named by its row type: outbox_claim(NULL::search_outbox, ...) returns its rows.
CREATE FUNCTION outbox_claim(p_table anyelement, p_limit integer, p_lease interval, p_targets text[] DEFAULT NULL)
    RETURNS SETOF anyelement
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o outbox_table := outbox_table_of((SELECT t.typrelid FROM pg_type t WHERE t.oid = pg_typeof(p_table))::regclass);
    walks text[];
    walk text;
    share integer;
    taken integer;
    walker refcursor;
    c record;
    candidates bigint[];
    got bigint[];
    ids bigint[] := '{}';
    recheck text;
    newest text;
BEGIN
    IF o.has_target <> (p_targets IS NOT NULL) THEN
        RAISE EXCEPTION '%: targets %', o.tbl, CASE WHEN o.has_target THEN 'needed' ELSE 'not known' END USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF o.has_target THEN
        SELECT coalesce(array_agg(format(' AND o.target = %L', t) ORDER BY n), '{}') INTO walks
          FROM unnest(p_targets) WITH ORDINALITY AS x(t, n);
    ELSE
        walks := ARRAY[''];
    END IF;
    share := greatest(1, ceil(p_limit::numeric / greatest(1, cardinality(walks)))::integer);
    -- the walk's candidates are taken only if they are still due, unleased and unlocked (a row another claim holds
    -- is skipped, not waited for) and the key rule lets them go now: checked and locked a share at a time, in one
    -- statement each. Measured on a PostgreSQL 15 scratch database, a few warm runs each: a claim of 134 rows over a
    -- 300,000-row dossier backlog took 4 to 11 ms (V6_12's claim: 3 to 6 ms; one statement per row: 20 ms). Under
    -- 'newest wins' the walk itself leaves out the rows a newer one replaces: 500 rows of a 300,000-row search outbox
    -- (three rows per document) took 290 to 370 ms (V4_0's claim: 320 ms; filtered in the loop instead: 730 to 750 ms)
    newest := CASE o.key_rule WHEN 'newest wins' THEN ' AND NOT ' || outbox_same_key(o, 'n', 'o', '>') ELSE '' END;
    recheck := format('SELECT array_agg(id) FROM (SELECT l.id FROM %1$s l WHERE l.id = ANY ($1) AND %2$s AND l.next_attempt_at <= now() '
                      'AND (l.claimed_until IS NULL OR l.claimed_until < now())%3$s ORDER BY l.id LIMIT $2 FOR UPDATE OF l SKIP LOCKED) s',
                      o.tbl, outbox_unsent(o, 'l'),
                      CASE o.key_rule WHEN 'in order' THEN ' AND NOT ' || outbox_same_key(o, 'e', 'l', '<')
                                      WHEN 'newest wins' THEN ' AND NOT ' || outbox_same_key(o, 'e', 'l', '>') ELSE '' END);
    FOREACH walk IN ARRAY walks LOOP
        taken := 0;
        OPEN walker FOR EXECUTE format('SELECT o.id, o.next_attempt_at, o.claimed_until FROM %s o WHERE %s%s%s ORDER BY o.id',
                                       o.tbl, outbox_unsent(o, 'o'), walk, newest);
        LOOP
            candidates := '{}';
            LOOP
                FETCH walker INTO c;
                EXIT WHEN NOT FOUND;
                CONTINUE WHEN c.next_attempt_at > now() OR c.claimed_until >= now();
                candidates := candidates || c.id;
                EXIT WHEN cardinality(candidates) >= share - taken;
            END LOOP;
            EXIT WHEN cardinality(candidates) = 0;
            EXECUTE recheck INTO got USING candidates, share - taken;
            ids := ids || coalesce(got, '{}');
            taken := taken + coalesce(cardinality(got), 0);
            EXIT WHEN taken >= share;
        END LOOP;
        CLOSE walker;
    END LOOP;
    RETURN QUERY EXECUTE format('UPDATE %s o SET claimed_until = now() + $1 WHERE o.id = ANY ($2) RETURNING o.*', o.tbl)
        USING p_lease, ids;
END
$$;

-- Sent: the rows are done (sent_at, or deleted), and under 'newest wins' the older rows of their keys with them.
CREATE FUNCTION outbox_sent(p_table regclass, p_ids bigint[]) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o outbox_table := outbox_table_of(p_table);
    which text := CASE WHEN o.key_rule = 'newest wins'
                       THEN format('EXISTS (SELECT 1 FROM %1$s s WHERE s.id = ANY ($1) AND s.%2$I = o.%2$I%3$s AND o.id <= s.id)',
                                   o.tbl, o.key_column, CASE WHEN o.has_target THEN ' AND s.target = o.target' ELSE '' END)
                       ELSE 'o.id = ANY ($1)' END;
    n integer;
BEGIN
    IF o.sent_deleted THEN
        EXECUTE format('DELETE FROM %s o WHERE %s', o.tbl, which) USING p_ids;
    ELSE
        EXECUTE format('UPDATE %s o SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE %s AND o.sent_at IS NULL',
                       o.tbl, which) USING p_ids;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Refused by the other side with a reason: final, never sent again (done, keeping the reason where rows are kept).
CREATE FUNCTION outbox_refused(p_table regclass, p_ids bigint[], p_reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o outbox_table := outbox_table_of(p_table);
BEGIN
    IF o.sent_deleted THEN
        EXECUTE format('DELETE FROM %s WHERE id = ANY ($1)', o.tbl) USING p_ids;
    ELSE
        EXECUTE format('UPDATE %s SET sent_at = now(), claimed_until = NULL, attempts = attempts + 1, last_error = left($2, 2000) '
                       'WHERE id = ANY ($1) AND sent_at IS NULL', o.tbl) USING p_ids, p_reason;
    END IF;
END
$$;

-- Not taken (the other side down or failing): the rows wait 2^attempts seconds (at most p_max_delay_s) and keep the
-- error; after p_max_attempts tries (0: never) a row is given up: it stays in the outbox, kept, never due again.
CREATE FUNCTION outbox_failed(p_table regclass, p_ids bigint[], p_error text, p_max_delay_s integer, p_max_attempts integer)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o outbox_table := outbox_table_of(p_table);
BEGIN
    EXECUTE format('UPDATE %s SET attempts = attempts + 1, claimed_until = NULL, last_error = left($1, 2000), '
                   'next_attempt_at = CASE WHEN $3 > 0 AND attempts + 1 >= $3 THEN ''infinity''::timestamptz '
                   'ELSE now() + make_interval(secs => least($2, power(2, least(attempts, 20)))::double precision) END '
                   'WHERE id = ANY ($4)', o.tbl)
        USING p_error, p_max_delay_s, p_max_attempts, p_ids;
END
$$;

-- How much waits, province-wide, for health checks and admin pages (counts only): due or waiting, failing, given up.
CREATE FUNCTION outbox_backlog(p_table regclass)
    RETURNS TABLE (pending bigint, failing bigint, oldest timestamptz, given_up bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o outbox_table := outbox_table_of(p_table);
BEGIN
    RETURN QUERY EXECUTE format('SELECT count(*) FILTER (WHERE o.next_attempt_at < ''infinity''), '
                                'count(*) FILTER (WHERE o.next_attempt_at < ''infinity'' AND o.attempts > 0), '
                                'min(o.created_at) FILTER (WHERE o.next_attempt_at < ''infinity''), '
                                'count(*) FILTER (WHERE o.next_attempt_at = ''infinity'') FROM %s o WHERE %s',
                                o.tbl, outbox_unsent(o, 'o'));
END
$$;

-- owned by the role that bypasses row-level security and owns nothing else (the outboxes' former functions' owner)
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION outbox_table_of(regclass) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_unsent(outbox_table, text) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_same_key(outbox_table, text, text, text) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_claim(anyelement, integer, interval, text[]) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_sent(regclass, bigint[]) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_refused(regclass, bigint[], text) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_failed(regclass, bigint[], text, integer, integer) OWNER TO ${indexer_role};
ALTER FUNCTION outbox_backlog(regclass) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION outbox_table_of(regclass), outbox_unsent(outbox_table, text),
    outbox_same_key(outbox_table, text, text, text), outbox_claim(anyelement, integer, interval, text[]),
    outbox_sent(regclass, bigint[]), outbox_refused(regclass, bigint[], text),
    outbox_failed(regclass, bigint[], text, integer, integer), outbox_backlog(regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_claim(anyelement, integer, interval, text[]), outbox_sent(regclass, bigint[]),
    outbox_refused(regclass, bigint[], text), outbox_failed(regclass, bigint[], text, integer, integer),
    outbox_backlog(regclass) TO ${app_role};
