-- Reorganisation of the tree: merging units, moving a unit with its subtree, dissolving a level, merging
-- provinces. A unit that ends (merged, dissolved) keeps its row as 'retired' with its successor, so its code
-- and custom domain keep answering (with a permanent redirect) and its history stays queryable; everything
-- that belonged to it belongs to the successor.

ALTER TABLE tenant DROP CONSTRAINT tenant_status_check;
ALTER TABLE tenant ADD CONSTRAINT tenant_status_check CHECK (status IN ('active', 'suspended', 'retired'));
ALTER TABLE tenant ADD COLUMN successor_id bigint REFERENCES tenant(id);
ALTER TABLE tenant ADD COLUMN retired_at timestamptz;
ALTER TABLE tenant ADD CONSTRAINT tenant_retired_has_successor CHECK ((status = 'retired') = (successor_id IS NOT NULL));
-- optimistic locking of plans: every change to a unit's row counts
ALTER TABLE tenant ADD COLUMN version integer NOT NULL DEFAULT 1;
CREATE FUNCTION tenant_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER tenant_version BEFORE UPDATE ON tenant FOR EACH ROW EXECUTE FUNCTION tenant_bump_version();

-- The applied plans: what was asked, what was done (counts per unit and table, rows that were replaced).
CREATE TABLE reorg_plan (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint       NOT NULL REFERENCES tenant(id),
    title       varchar(300) NOT NULL,
    plan        text         NOT NULL,
    report      text         NOT NULL,
    applied_by  varchar(64)  NOT NULL,
    applied_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX reorg_plan_tenant ON reorg_plan (tenant_id, applied_at DESC);
ALTER TABLE reorg_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE reorg_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON reorg_plan
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT ON reorg_plan TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE reorg_plan_id_seq TO ${app_role};

-- History: which unit became which, when, by which plan.
ALTER TABLE unit_history DROP CONSTRAINT unit_history_change_check;
ALTER TABLE unit_history ADD CONSTRAINT unit_history_change_check
    CHECK (change IN ('renamed', 'created', 'merged', 'moved', 'dissolved'));
ALTER TABLE unit_history ADD COLUMN plan_id bigint REFERENCES reorg_plan(id);
ALTER TABLE unit_history ADD COLUMN successor_id bigint REFERENCES tenant(id);
ALTER TABLE unit_history ADD COLUMN old_parent_id bigint REFERENCES tenant(id);
ALTER TABLE unit_history ADD COLUMN new_parent_id bigint REFERENCES tenant(id);

-- Every table that holds tenant data: found in the catalogue, so a module added later is covered without
-- registering anything (a table is tenant data when it has a tenant_id column).
CREATE FUNCTION reorg_tenant_tables() RETURNS SETOF text LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT c.relname::text
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY 1
$$;

-- The functions below run as the owner (SECURITY DEFINER) only so that they may write columns the application
-- may not (tenant.parent_id/path/successor_id, tenant_id of append-only tables). They never widen what is
-- visible: tenant-scoped tables FORCE row-level security, so every statement in them is still filtered by the
-- caller's scope, and each function first checks that every unit it is given is inside that scope.
CREATE FUNCTION reorg_require_scope(p_units bigint[]) RETURNS void LANGUAGE plpgsql STABLE
    SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT (p_units <@ visible_tenants()) THEN
        RAISE EXCEPTION 'units % are outside the transaction''s scope', p_units USING ERRCODE = '42501';
    END IF;
END $$;

-- Records per unit and table, for units in the caller's scope.
CREATE FUNCTION reorg_count(p_units bigint[]) RETURNS TABLE (table_name text, tenant_id bigint, n bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text;
BEGIN
    PERFORM reorg_require_scope(p_units);
    FOR t IN SELECT reorg_tenant_tables() LOOP
        RETURN QUERY EXECUTE format('SELECT %L::text, x.tenant_id, count(*) FROM %I x WHERE x.tenant_id = ANY ($1) '
                                    || 'GROUP BY x.tenant_id', t, t) USING p_units;
    END LOOP;
END $$;

-- Unique keys that would collide if the rows of p_from were given to p_to: per table and key, how many values.
-- A key on tenant_id alone (one row per unit, like settings) is not a conflict: the successor's row wins.
CREATE FUNCTION reorg_conflicts(p_from bigint[], p_to bigint) RETURNS TABLE (table_name text, key_name text, n bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    cnt bigint;
BEGIN
    PERFORM reorg_require_scope(p_from || p_to);
    FOR r IN
        SELECT c.relname::text AS tbl, i.relname::text AS idx,
               string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FILTER (WHERE a.attname <> 'tenant_id') AS cols
          FROM pg_index x
          JOIN pg_class c ON c.oid = x.indrelid
          JOIN pg_class i ON i.oid = x.indexrelid
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (x.indkey)
         WHERE x.indisunique AND c.relname IN (SELECT reorg_tenant_tables())
         GROUP BY c.relname, i.relname
        HAVING bool_or(a.attname = 'tenant_id') AND count(*) > 1
    LOOP
        EXECUTE format('SELECT count(*) FROM (SELECT %s FROM %I WHERE tenant_id = ANY ($1) GROUP BY %s '
                       || 'HAVING count(*) > 1) d', r.cols, r.tbl, r.cols)
            INTO cnt USING p_from || p_to;
        IF cnt > 0 THEN
            table_name := r.tbl; key_name := r.idx; n := cnt;
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;

-- Gives every record of p_from to p_to, in every tenant table. Where a table keeps one row per unit
-- (a unique key on tenant_id alone) and p_to has its own, the successor's row wins and p_from's row is
-- returned (as JSON) for the plan's report, so nothing is lost without trace.
CREATE FUNCTION reorg_transfer(p_from bigint, p_to bigint)
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
    FOR t IN SELECT reorg_tenant_tables() LOOP
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

-- Moves a unit, with its whole subtree, under another parent (both in scope; never under its own subtree).
CREATE FUNCTION reorg_move(p_unit bigint, p_parent bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    old_path ltree;
    parent_path ltree;
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_unit, p_parent]);
    SELECT path INTO STRICT old_path FROM tenant WHERE id = p_unit;
    SELECT path INTO STRICT parent_path FROM tenant WHERE id = p_parent AND status <> 'retired';
    IF parent_path <@ old_path THEN
        RAISE EXCEPTION 'unit % cannot move under its own subtree', p_unit USING ERRCODE = '22023';
    END IF;
    UPDATE tenant
       SET path = parent_path || subpath(path, nlevel(old_path) - 1),
           parent_id = CASE WHEN id = p_unit THEN p_parent ELSE parent_id END
     WHERE path <@ old_path;
END $$;

-- Ends a unit: it must have no live sub-units left; it keeps its row, code and history, with its successor.
CREATE FUNCTION reorg_retire(p_unit bigint, p_successor bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_unit, p_successor]);
    IF EXISTS (SELECT 1 FROM tenant WHERE parent_id = p_unit AND status <> 'retired') THEN
        RAISE EXCEPTION 'unit % still has sub-units', p_unit USING ERRCODE = '22023';
    END IF;
    UPDATE tenant SET status = 'retired', successor_id = p_successor, retired_at = now() WHERE id = p_unit;
END $$;

REVOKE EXECUTE ON FUNCTION reorg_count(bigint[]), reorg_conflicts(bigint[], bigint), reorg_transfer(bigint, bigint),
                           reorg_move(bigint, bigint), reorg_retire(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reorg_count(bigint[]), reorg_conflicts(bigint[], bigint), reorg_transfer(bigint, bigint),
                          reorg_move(bigint, bigint), reorg_retire(bigint, bigint), reorg_tenant_tables(),
                          reorg_require_scope(bigint[]) TO ${app_role};
-- the plan row is written first (history rows point to it), its report when the plan has been carried out
GRANT UPDATE (report) ON reorg_plan TO ${app_role};
