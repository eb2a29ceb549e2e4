-- Comparison only (-Dbench.function=sql): the earlier STABLE SQL variant of visible_tenants(), for comparison
-- with the PL/pgSQL function the migration installs (visible_tenants_plpgsql.sql). Same semantics and the same
-- attributes (STABLE PARALLEL SAFE); only the language differs. Runs as the owner.
-- A SQL function whose body has a FROM cannot be inlined, so PostgreSQL plans its body again on every
-- statement that calls it; PL/pgSQL keeps its statement plans for the session.
-- The scope of the current transaction, as an array of tenant ids.
--   app.tenant_id unset or ''  -> '{}' (sees nothing)
--   app.subtree = 'on'          -> the tenant and its whole subtree (path <@)
--   otherwise                   -> the tenant alone
-- NULLIF(..., '') before the cast: after a transaction-local set_config ends,
-- current_setting(name, true) returns '' (not NULL) on that pooled connection.
CREATE OR REPLACE FUNCTION visible_tenants() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
             WHEN s.tid IS NULL THEN '{}'::bigint[]
             WHEN s.subtree THEN ARRAY(SELECT c.id
                                         FROM tenant p JOIN tenant c ON c.path <@ p.path
                                        WHERE p.id = s.tid
                                        ORDER BY c.id)
             ELSE ARRAY[s.tid]
           END
      FROM (SELECT NULLIF(current_setting('app.tenant_id', true), '')::bigint AS tid,
                   coalesce(current_setting('app.subtree', true), '') = 'on' AS subtree) s
$$;
