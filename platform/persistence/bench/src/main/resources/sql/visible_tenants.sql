-- The project's design: a STABLE SQL function (default, -Dbench.function=sql). Runs as the owner.
-- The scope of the current transaction, as an array of tenant ids.
--   app.tenant_id unset or ''  -> '{}' (sees nothing)
--   app.subtree = 'on'          -> the tenant and its whole subtree (path <@)
--   otherwise                   -> the tenant alone
-- NULLIF(..., '') before the cast: after a transaction-local set_config ends,
-- current_setting(name, true) returns '' (not NULL) on that pooled connection.
CREATE OR REPLACE FUNCTION visible_tenants() RETURNS bigint[]
LANGUAGE sql STABLE AS $$
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
