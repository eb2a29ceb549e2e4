-- Issue 20: each module carries its own records through a reorganisation (platform interface RecordRule); the
-- generic move below is only for tables that no module carries (p_skip names those it must leave alone), and the
-- generic check of unique keys reads partial indexes with their predicates and expression indexes with their
-- expressions, and treats NULLs as distinct, as PostgreSQL's unique indexes do (a commune that issued 01/UBND and
-- received another commune's 01/UBND no longer "collides with itself").

DROP FUNCTION reorg_conflicts(bigint[], bigint);
DROP FUNCTION reorg_transfer(bigint, bigint);

-- The unique keys of tenant tables that include tenant_id and something else: what the generic check and move
-- must respect. cols: the other key parts as SQL expressions; pred: the partial index's predicate, or NULL.
CREATE FUNCTION reorg_unique_keys() RETURNS TABLE (table_name text, key_name text, cols text[], pred text)
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT c.relname::text, i.relname::text,
           ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k
                  WHERE pg_get_indexdef(x.indexrelid, k, true) <> 'tenant_id' ORDER BY k),
           pg_get_expr(x.indpred, x.indrelid)
      FROM pg_index x
      JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indisunique AND c.relname IN (SELECT reorg_tenant_tables())
       AND EXISTS (SELECT 1 FROM generate_series(1, x.indnkeyatts) k WHERE pg_get_indexdef(x.indexrelid, k, true) = 'tenant_id')
       AND x.indnkeyatts > 1
$$;

-- Unique keys that would collide if the rows of p_from were given to p_to, in the tables not in p_skip.
CREATE FUNCTION reorg_conflicts(p_from bigint[], p_to bigint, p_skip text[])
    RETURNS TABLE (table_name text, key_name text, n bigint, sample text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    cols text;
    present text;
BEGIN
    PERFORM reorg_require_scope(p_from || p_to);
    FOR r IN SELECT * FROM reorg_unique_keys() k WHERE k.table_name <> ALL (COALESCE(p_skip, '{}')) LOOP
        cols := array_to_string(r.cols, ', ');
        SELECT string_agg('(' || e || ') IS NOT NULL', ' AND ') INTO present FROM unnest(r.cols) e;
        EXECUTE format('SELECT count(*), left(string_agg(k, ''; ''), 300) FROM (SELECT concat_ws('' / '', %s) AS k FROM %I '
                       || 'WHERE tenant_id = ANY ($1) AND %s AND (%s) GROUP BY %s HAVING count(DISTINCT tenant_id) > 1) d',
                       cols, r.table_name, present, COALESCE(r.pred, 'true'), cols)
            INTO n, sample USING p_from || p_to;
        IF n > 0 THEN
            table_name := r.table_name; key_name := r.key_name;
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;

-- Gives every record of p_from to p_to in every tenant table not in p_skip. Where a table keeps one row per unit
-- (a unique key on tenant_id alone) and p_to has its own, the successor's row wins and p_from's row is returned
-- (as JSON) for the plan's report, so nothing is lost without trace.
CREATE FUNCTION reorg_transfer(p_from bigint, p_to bigint, p_skip text[])
    RETURNS TABLE (table_name text, moved bigint, replaced bigint, replaced_rows text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text;
    one_per_unit boolean;
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    IF p_from = p_to THEN
        RAISE EXCEPTION 'a unit cannot be merged into itself' USING ERRCODE = '22023';
    END IF;
    FOR t IN SELECT x FROM reorg_tenant_tables() x WHERE x <> ALL (COALESCE(p_skip, '{}')) LOOP
        table_name := t; moved := 0; replaced := 0; replaced_rows := NULL;
        SELECT EXISTS (SELECT 1 FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid
                        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
                       WHERE c.relname = t AND x.indisunique AND x.indnatts = 1 AND x.indkey[0] = a.attnum)
          INTO one_per_unit;
        IF one_per_unit THEN
            EXECUTE format('SELECT count(*), json_agg(o)::text FROM %I o WHERE o.tenant_id = $1 '
                           || 'AND EXISTS (SELECT 1 FROM %I s WHERE s.tenant_id = $2)', t, t)
                INTO replaced, replaced_rows USING p_from, p_to;
            IF replaced > 0 THEN
                EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', t) USING p_from;
            END IF;
        END IF;
        EXECUTE format('UPDATE %I SET tenant_id = $2 WHERE tenant_id = $1', t) USING p_from, p_to;
        GET DIAGNOSTICS moved = ROW_COUNT;
        IF moved > 0 OR replaced > 0 THEN
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;

-- Rules of tenant-admin itself (RecordRule "units", UnitRecords): users go to the successor, and what an ended
-- unit's administrators become there is the plan's word.
-- p_admins: 'admins' keep their rights (now over the successor), 'staff' (the default) keep STAFF and their duties
-- but lose UNIT_ADMIN, PROVINCE_ADMIN and subtree rights, 'none' keep their account (history names it) with no role, disabled.
CREATE FUNCTION reorg_accounts(p_from bigint, p_to bigint, p_admins text) RETURNS TABLE (table_name text, moved bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    IF p_admins = 'staff' THEN
        UPDATE app_user SET roles = (SELECT array_agg(DISTINCT r ORDER BY r)
                                       FROM unnest(array_remove(array_remove(roles, 'UNIT_ADMIN'), 'PROVINCE_ADMIN') || 'STAFF'::text) r),
                            subtree_rights = false
         WHERE tenant_id = p_from AND ('UNIT_ADMIN' = ANY (roles) OR 'PROVINCE_ADMIN' = ANY (roles) OR subtree_rights);
    ELSIF p_admins = 'none' THEN
        UPDATE app_user SET roles = '{}', subtree_rights = false, status = 'disabled'
         WHERE tenant_id = p_from AND ('UNIT_ADMIN' = ANY (roles) OR 'PROVINCE_ADMIN' = ANY (roles) OR subtree_rights);
    ELSIF p_admins <> 'admins' THEN
        RAISE EXCEPTION 'unknown administrators rule %', p_admins USING ERRCODE = '22023';
    END IF;
    UPDATE app_user SET tenant_id = p_to WHERE tenant_id = p_from;
    table_name := 'app_user'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;

REVOKE EXECUTE ON FUNCTION reorg_conflicts(bigint[], bigint, text[]), reorg_transfer(bigint, bigint, text[]),
                           reorg_accounts(bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reorg_conflicts(bigint[], bigint, text[]), reorg_transfer(bigint, bigint, text[]),
                          reorg_accounts(bigint, bigint, text), reorg_unique_keys() TO ${app_role};

-- A plan may change a unit's kind (a township that becomes a commune) and GSO code; the history keeps both.
GRANT UPDATE (kind, gso_code) ON tenant TO ${app_role};
ALTER TABLE unit_history ADD COLUMN old_kind varchar(20), ADD COLUMN new_kind varchar(20),
                         ADD COLUMN old_gso_code varchar(10), ADD COLUMN new_gso_code varchar(10);
