-- API tokens: a program acting for a user (a unit's integration, a script, the replay) sends
-- "Authorization: Bearer <token>" instead of a password on every request (a password costs an Argon2 hash each time)
-- or a web session (loaded from and saved to the data grid on every request). Only the token's SHA-256 is kept: the
-- token is 256 random bits, so a fast hash is enough, and the token itself is shown once, when it is made.
-- A token acts with its user's rights as they are at each request: a disabled user, a suspended unit, a revoked or
-- expired token is refused at once.
CREATE TABLE api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint       NOT NULL REFERENCES tenant(id),
    user_id      bigint       NOT NULL REFERENCES app_user(id),
    name         varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
    token_hash   varchar(64)  NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    hint         varchar(12)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(64),
    CHECK (expires_at > created_at)
);
CREATE INDEX api_token_user ON api_token (tenant_id, user_id);

ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON api_token
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
-- no DELETE: a revoked token stays listed (who revoked it, when)
GRANT SELECT, INSERT, UPDATE ON api_token TO ${app_role};

-- Like login, a token is checked before any scope is known: a function owned by the auth role returns the one token
-- the hash names, with its user and unit as they are now, and notes its use (at most once an hour, so that a busy
-- program does not write on every request).
CREATE FUNCTION auth_token_lookup(p_token_hash text)
    RETURNS TABLE (token_id bigint, expires_at timestamptz, revoked_at timestamptz, user_id bigint, username text,
                   tenant_id bigint, tenant_code text, tenant_path text, tenant_status text, roles text[],
                   subtree_rights boolean, status text, display_name text, must_change_password boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE api_token k SET last_used_at = now()
     WHERE k.token_hash = p_token_hash AND k.revoked_at IS NULL AND k.expires_at > now()
       AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 hour');
    RETURN QUERY
    SELECT k.id, k.expires_at, k.revoked_at, u.id, u.username::text, u.tenant_id, t.code::text, t.path::text,
           t.status::text, u.roles, u.subtree_rights, u.status::text, u.display_name::text, u.must_change_password
      FROM api_token k JOIN app_user u ON u.id = k.user_id JOIN tenant t ON t.id = u.tenant_id
     WHERE k.token_hash = p_token_hash;
END $$;

GRANT USAGE, CREATE ON SCHEMA public TO ${auth_role};
ALTER FUNCTION auth_token_lookup(text) OWNER TO ${auth_role};
REVOKE CREATE ON SCHEMA public FROM ${auth_role};
GRANT SELECT, UPDATE ON api_token TO ${auth_role};
REVOKE EXECUTE ON FUNCTION auth_token_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_token_lookup(text) TO ${app_role};
