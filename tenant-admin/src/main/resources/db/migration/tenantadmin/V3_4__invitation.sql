-- Invitations: a new administrator (or user) gets a link instead of a printed password and chooses the password
-- themselves. Only the SHA-256 of the link's token is stored; it works once, for a limited time. Until it is
-- accepted the account has no password ('!' never matches).
CREATE TABLE user_invitation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint       NOT NULL REFERENCES tenant(id),
    user_id     bigint       NOT NULL REFERENCES app_user(id),
    token_hash  varchar(64)  NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL,
    accepted_at timestamptz
);
CREATE INDEX user_invitation_tenant ON user_invitation (tenant_id);
ALTER TABLE user_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON user_invitation
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT ON user_invitation TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE user_invitation_id_seq TO ${app_role};

-- The invitee has no session and no scope: like login, accepting goes through functions owned by the auth role
-- that read or change exactly the one invitation (and its user) the token names.
CREATE FUNCTION auth_invitation(p_token_hash text)
    RETURNS TABLE (username text, display_name text, unit_name text, expires_at timestamptz, usable boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.username, u.display_name, t.name, i.expires_at, (i.accepted_at IS NULL AND i.expires_at > now())
      FROM user_invitation i JOIN app_user u ON u.id = i.user_id JOIN tenant t ON t.id = i.tenant_id
     WHERE i.token_hash = p_token_hash
$$;

CREATE FUNCTION auth_accept_invitation(p_token_hash text, p_password_hash text)
    RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    uid bigint;
    name text;
BEGIN
    IF p_password_hash IS NULL OR p_password_hash LIKE '!%' THEN
        RAISE EXCEPTION 'a password hash is required' USING ERRCODE = '22023';
    END IF;
    UPDATE user_invitation SET accepted_at = now()
     WHERE token_hash = p_token_hash AND accepted_at IS NULL AND expires_at > now()
    RETURNING user_id INTO uid;
    IF uid IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE app_user SET password_hash = p_password_hash, must_change_password = false, failed_logins = 0, locked_until = NULL
     WHERE id = uid RETURNING username INTO name;
    RETURN name;
END $$;

GRANT USAGE, CREATE ON SCHEMA public TO ${auth_role};
ALTER FUNCTION auth_invitation(text) OWNER TO ${auth_role};
ALTER FUNCTION auth_accept_invitation(text, text) OWNER TO ${auth_role};
REVOKE CREATE ON SCHEMA public FROM ${auth_role};
GRANT SELECT, UPDATE ON user_invitation TO ${auth_role};
REVOKE EXECUTE ON FUNCTION auth_invitation(text), auth_accept_invitation(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_invitation(text), auth_accept_invitation(text, text) TO ${app_role};
