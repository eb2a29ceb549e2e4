-- Each unit's subtree, kept ready, so that visible_tenants() reads one row instead of walking the tree.
-- A province-wide scope at national scale is ~1,770 ids. Building that array by path took 1.7 ms a statement.
-- A reorganisation's hand-over runs about 90 statements under that scope, so this came to 160 ms of the 300 ms
-- each hand-over cost. Measured with tenant-admin/bench/reform.sh (BENCH_SCALE=10) and pg_stat_statements.
--
-- The tree's own triggers keep it, in the same transaction as the change. A path holds the ids of the unit's
-- ancestors and then its own, so a change is a delta: a unit's id leaves the subtrees of the ancestors it no longer
-- has, and joins those of the ancestors it gains. Each UPDATE is applied to the latest committed row (READ COMMITTED
-- re-evaluates SET on the row it waited for), so two units created at once under one province are both kept,
-- without a table lock. No tenant_id column: this is the tree, not tenant data.
CREATE TABLE tenant_subtree (
    unit_id bigint   PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
    ids     bigint[] NOT NULL
);
INSERT INTO tenant_subtree (unit_id, ids)
    SELECT p.id, ARRAY(SELECT c.id FROM tenant c WHERE c.path <@ p.path ORDER BY c.id) FROM tenant p;

-- Applies the deltas of the rows a statement changed: p_moves holds (id, old path, new path); NULL old for a new
-- unit, NULL new for a removed one.
CREATE FUNCTION tenant_subtree_apply(p_moves jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO tenant_subtree (unit_id, ids)
         SELECT (m->>'id')::bigint, '{}' FROM jsonb_array_elements(p_moves) m WHERE m->>'old' IS NULL
    ON CONFLICT (unit_id) DO NOTHING;
    WITH m AS (SELECT (x->>'id')::bigint AS id,
                      COALESCE(string_to_array(x->>'old', '.')::bigint[], '{}') AS old_chain,
                      COALESCE(string_to_array(x->>'new', '.')::bigint[], '{}') AS new_chain
                 FROM jsonb_array_elements(p_moves) x),
         d AS (SELECT a.unit_id, array_agg(m.id) FILTER (WHERE a.gains) AS added, array_agg(m.id) FILTER (WHERE NOT a.gains) AS removed
                 FROM m, LATERAL (SELECT u, true FROM unnest(m.new_chain) u WHERE u <> ALL (m.old_chain)
                                  UNION ALL
                                  SELECT u, false FROM unnest(m.old_chain) u WHERE u <> ALL (m.new_chain)) a(unit_id, gains)
                GROUP BY a.unit_id)
    UPDATE tenant_subtree s
       SET ids = ARRAY(SELECT DISTINCT x FROM unnest(s.ids || COALESCE(d.added, '{}')) x
                        WHERE x <> ALL (COALESCE(d.removed, '{}')) ORDER BY x)
      FROM d
     WHERE s.unit_id = d.unit_id;
END $$;

CREATE FUNCTION tenant_subtree_follow() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    moves jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_object('id', n.id, 'old', NULL, 'new', n.path::text)) INTO moves FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT jsonb_agg(jsonb_build_object('id', o.id, 'old', o.path::text, 'new', NULL)) INTO moves FROM old_rows o;
    ELSE
        SELECT jsonb_agg(jsonb_build_object('id', n.id, 'old', o.path::text, 'new', n.path::text)) INTO moves
          FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE o.path IS DISTINCT FROM n.path;
    END IF;
    IF moves IS NOT NULL THEN
        PERFORM tenant_subtree_apply(moves);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tenant_subtree_insert AFTER INSERT ON tenant REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tenant_subtree_follow();
CREATE TRIGGER tenant_subtree_update AFTER UPDATE ON tenant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tenant_subtree_follow();
CREATE TRIGGER tenant_subtree_delete AFTER DELETE ON tenant REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tenant_subtree_follow();
REVOKE EXECUTE ON FUNCTION tenant_subtree_apply(jsonb), tenant_subtree_follow() FROM PUBLIC;

-- Whoever may read the tree may read this (it says nothing the tree does not).
GRANT SELECT ON tenant_subtree TO ${app_role}, ${auth_role}, ${indexer_role};

-- Same contract as before (see V1_0): only the subtree's array now comes from the row kept above. A unit without
-- that row (none should exist) is still answered by walking the tree.
CREATE OR REPLACE FUNCTION visible_tenants() RETURNS bigint[] LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    tid bigint := NULLIF(current_setting('app.tenant_id', true), '')::bigint;
    kept bigint[];
BEGIN
    IF tid IS NULL THEN
        RETURN '{}'::bigint[];
    END IF;
    IF COALESCE(current_setting('app.subtree', true), '') = 'on' THEN
        SELECT s.ids INTO kept FROM tenant_subtree s WHERE s.unit_id = tid;
        IF FOUND THEN
            RETURN kept;
        END IF;
        RETURN ARRAY(SELECT c.id FROM tenant p JOIN tenant c ON c.path <@ p.path WHERE p.id = tid ORDER BY c.id);
    END IF;
    RETURN ARRAY[tid];
END
$$;

-- What a check can ask: units whose kept subtree differs from the tree (none, unless a trigger was bypassed).
CREATE FUNCTION tenant_subtree_drift() RETURNS TABLE (unit_id bigint, kept bigint[], actual bigint[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, s.ids, a.ids
      FROM tenant p
      LEFT JOIN tenant_subtree s ON s.unit_id = p.id
      CROSS JOIN LATERAL (SELECT ARRAY(SELECT c.id FROM tenant c WHERE c.path <@ p.path ORDER BY c.id) AS ids) a
     WHERE s.ids IS DISTINCT FROM a.ids
$$;
REVOKE EXECUTE ON FUNCTION tenant_subtree_drift() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_subtree_drift() TO ${app_role};
