-- Comparison only (-Dbench.function=plpgsql): the same semantics as visible_tenants.sql in PL/pgSQL.
-- PostgreSQL re-plans the body of a non-inlinable SQL function on every query that calls it;
-- PL/pgSQL keeps its statement plans for the session. Runs as the owner.
CREATE OR REPLACE FUNCTION visible_tenants() RETURNS bigint[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    tid bigint := NULLIF(current_setting('app.tenant_id', true), '')::bigint;
BEGIN
    IF tid IS NULL THEN
        RETURN '{}'::bigint[];
    END IF;
    IF coalesce(current_setting('app.subtree', true), '') = 'on' THEN
        RETURN ARRAY(SELECT c.id
                       FROM tenant p JOIN tenant c ON c.path <@ p.path
                      WHERE p.id = tid
                      ORDER BY c.id);
    END IF;
    RETURN ARRAY[tid];
END
$$;
