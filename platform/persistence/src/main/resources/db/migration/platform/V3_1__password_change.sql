-- One-time passwords: a user created with one must choose a new password before doing anything else.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- auth_lookup returns the flag too (a new result type, so the function is recreated with its ownership and grants)
DROP FUNCTION auth_lookup(text);
CREATE FUNCTION auth_lookup(p_username text)
    RETURNS TABLE (user_id bigint, tenant_id bigint, tenant_code text, tenant_path text, tenant_status text,
                   password_hash text, roles text[], subtree_rights boolean, status text,
                   locked_until timestamptz, display_name text, must_change_password boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.id, u.tenant_id, t.code, t.path::text, t.status, u.password_hash, u.roles, u.subtree_rights,
           u.status, u.locked_until, u.display_name, u.must_change_password
      FROM app_user u JOIN tenant t ON t.id = u.tenant_id
     WHERE u.username = lower(p_username)
$$;
GRANT USAGE, CREATE ON SCHEMA public TO ${auth_role};
ALTER FUNCTION auth_lookup(text) OWNER TO ${auth_role};
REVOKE CREATE ON SCHEMA public FROM ${auth_role};
REVOKE EXECUTE ON FUNCTION auth_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_lookup(text) TO ${app_role};
