-- The function the project installs (default, -Dbench.function=plpgsql). Runs as the owner.
-- COPY of visible_tenants() in platform/persistence/src/main/resources/db/migration/platform/V1_0__tenancy.sql:
-- the migration is authoritative; keep this text in step with it (only CREATE -> CREATE OR REPLACE differs).
-- The run compares the two and says in RESULTS.md whether they still match.
-- The scope of the current transaction, as an array of tenant ids.
--   app.tenant_id unset or ''  -> '{}' (sees nothing)
--   app.subtree = 'on'          -> the tenant and its whole subtree (path <@)
--   otherwise                   -> the tenant alone
-- NULLIF(..., '') before the cast: after a transaction-local set_config ends,
-- current_setting(name, true) returns '' (not NULL) on that pooled connection.
-- PL/pgSQL keeps its statement plans for the session; a non-inlinable SQL function body is
-- re-planned on every statement that calls it (compare with -Dbench.function=sql).
CREATE OR REPLACE FUNCTION visible_tenants() RETURNS bigint[] LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    tid bigint := NULLIF(current_setting('app.tenant_id', true), '')::bigint;
BEGIN
    IF tid IS NULL THEN
        RETURN '{}'::bigint[];
    END IF;
    IF COALESCE(current_setting('app.subtree', true), '') = 'on' THEN
        RETURN ARRAY(SELECT c.id FROM tenant p JOIN tenant c ON c.path <@ p.path WHERE p.id = tid ORDER BY c.id);
    END IF;
    RETURN ARRAY[tid];
END
$$;
