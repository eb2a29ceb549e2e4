-- Citizens' own accounts (issue 22): a citizen signs up with an e-mail address (the account waits, unusable, until the
-- link mailed to it is opened), asks for a one-time link when they forgot their password, or signs in with the national
-- identity (OpenID Connect), which links their identity number (số định danh cá nhân) to one account.
ALTER TABLE app_user ADD COLUMN identity_number varchar(12) UNIQUE CHECK (identity_number ~ '^[0-9]{12}$');
ALTER TABLE app_user ADD COLUMN email_confirmed_at timestamptz;

-- One-time links: confirming a new account's e-mail address, choosing a new password. Only the SHA-256 of the link's
-- token is kept; a link works once, until it expires. Nobody but the functions below reads or writes them.
CREATE TABLE account_link (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint      NOT NULL REFERENCES tenant(id),
    user_id     bigint      NOT NULL REFERENCES app_user(id),
    purpose     varchar(8)  NOT NULL CHECK (purpose IN ('confirm', 'reset')),
    token_hash  varchar(64) NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX account_link_user ON account_link (user_id);
CREATE INDEX account_link_tenant ON account_link (tenant_id);
ALTER TABLE account_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON account_link
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

-- The mail those links travel in, written in the same transaction as the link (an outbox of the platform's one worker);
-- a row is deleted once the SMTP server took it.
CREATE TABLE account_mail (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint      NOT NULL REFERENCES tenant(id),
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      text
);
CREATE INDEX account_mail_ready ON account_mail (next_attempt_at, id);
CREATE INDEX account_mail_tenant ON account_mail (tenant_id);
ALTER TABLE account_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_mail FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON account_mail
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
INSERT INTO outbox_table (tbl, key_column, key_rule, sent_deleted, has_target) VALUES ('account_mail', NULL, NULL, true, false);
GRANT SELECT, UPDATE, DELETE ON account_mail TO ${indexer_role};

-- A link's token for a user, and its mail beside it (one transaction).
CREATE FUNCTION account_issue_link(p_user bigint, p_purpose text, p_token_hash text, p_valid interval, p_mail text)
    RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    tid bigint;
BEGIN
    SELECT tenant_id INTO tid FROM app_user WHERE id = p_user;
    IF tid IS NULL THEN
        RAISE EXCEPTION 'no such user' USING ERRCODE = '22023';
    END IF;
    -- a new link of a kind replaces the ones not used yet
    UPDATE account_link SET used_at = now() WHERE user_id = p_user AND purpose = p_purpose AND used_at IS NULL;
    INSERT INTO account_link (tenant_id, user_id, purpose, token_hash, expires_at) VALUES (tid, p_user, p_purpose, p_token_hash, now() + p_valid);
    INSERT INTO account_mail (tenant_id, payload) VALUES (tid, p_mail);
END $$;

-- A new citizen account: unusable ('!' before its hash, as an invitation not accepted yet) until its address is confirmed.
-- Null when the name is taken.
CREATE FUNCTION account_sign_up(p_tenant bigint, p_username text, p_display_name text, p_email text, p_password_hash text)
    RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    uid bigint;
BEGIN
    IF p_password_hash IS NULL OR p_password_hash LIKE '!%' THEN
        RAISE EXCEPTION 'a password hash is required' USING ERRCODE = '22023';
    END IF;
    INSERT INTO app_user (tenant_id, username, display_name, email, password_hash, roles)
    VALUES (p_tenant, lower(p_username), p_display_name, lower(p_email), '!' || p_password_hash, ARRAY['CITIZEN'])
    ON CONFLICT (username) DO NOTHING
    RETURNING id INTO uid;
    RETURN uid;
END $$;

-- What a link is for and whether it still works (for the page that opens it).
CREATE FUNCTION account_link_state(p_token_hash text, p_purpose text)
    RETURNS TABLE (username text, display_name text, usable boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.username::text, u.display_name::text, (l.used_at IS NULL AND l.expires_at > now())
      FROM account_link l JOIN app_user u ON u.id = l.user_id
     WHERE l.token_hash = p_token_hash AND l.purpose = p_purpose
$$;

-- Confirms a new account's address: the account becomes usable. The user name, or null for an unknown, used or expired link.
CREATE FUNCTION account_confirm(p_token_hash text)
    RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    uid bigint;
    name text;
BEGIN
    UPDATE account_link SET used_at = now()
     WHERE token_hash = p_token_hash AND purpose = 'confirm' AND used_at IS NULL AND expires_at > now()
    RETURNING user_id INTO uid;
    IF uid IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE app_user SET password_hash = CASE WHEN password_hash LIKE '!%' THEN substr(password_hash, 2) ELSE password_hash END,
                        email_confirmed_at = now()
     WHERE id = uid RETURNING username INTO name;
    RETURN name;
END $$;

-- The active accounts with a usable password behind an e-mail address (for a reset link; the caller says the same
-- whatever this returns).
CREATE FUNCTION account_by_email(p_email text)
    RETURNS TABLE (user_id bigint, username text, display_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.id, u.username::text, u.display_name::text FROM app_user u JOIN tenant t ON t.id = u.tenant_id
     WHERE lower(u.email) = lower(p_email) AND u.status = 'active' AND t.status = 'active' AND u.password_hash NOT LIKE '!%'
     ORDER BY u.id LIMIT 5
$$;

-- A new password through a reset link: once, before it expires; the lock and the other links go with it.
CREATE FUNCTION account_reset_password(p_token_hash text, p_password_hash text)
    RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    uid bigint;
    name text;
BEGIN
    IF p_password_hash IS NULL OR p_password_hash LIKE '!%' THEN
        RAISE EXCEPTION 'a password hash is required' USING ERRCODE = '22023';
    END IF;
    UPDATE account_link SET used_at = now()
     WHERE token_hash = p_token_hash AND purpose = 'reset' AND used_at IS NULL AND expires_at > now()
    RETURNING user_id INTO uid;
    IF uid IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE account_link SET used_at = now() WHERE user_id = uid AND purpose = 'reset' AND used_at IS NULL;
    UPDATE app_user SET password_hash = p_password_hash, must_change_password = false, failed_logins = 0, locked_until = NULL
     WHERE id = uid RETURNING username INTO name;
    RETURN name;
END $$;

-- The account of a national identity, as auth_lookup describes one: the account already linked to that identity number
-- (its name as the token says it now); else the citizen account p_link_user, signed in, which the number now links to;
-- else a new citizen account of p_tenant, which has no password of its own ('!': the identity is its only way in).
CREATE FUNCTION account_national_identity(p_identity text, p_display_name text, p_email text, p_tenant bigint, p_link_user bigint)
    RETURNS TABLE (user_id bigint, tenant_id bigint, tenant_code text, tenant_path text, tenant_status text,
                   password_hash text, roles text[], subtree_rights boolean, status text,
                   locked_until timestamptz, display_name text, must_change_password boolean, username text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    uid bigint;
BEGIN
    IF p_identity !~ '^[0-9]{12}$' THEN
        RAISE EXCEPTION 'an identity number has 12 digits' USING ERRCODE = '22023';
    END IF;
    UPDATE app_user u SET display_name = p_display_name WHERE u.identity_number = p_identity RETURNING u.id INTO uid;
    IF uid IS NULL AND p_link_user IS NOT NULL THEN
        UPDATE app_user u SET identity_number = p_identity, display_name = p_display_name
         WHERE u.id = p_link_user AND u.identity_number IS NULL AND 'CITIZEN' = ANY (u.roles)
        RETURNING u.id INTO uid;
    END IF;
    IF uid IS NULL THEN
        INSERT INTO app_user (tenant_id, username, display_name, email, password_hash, roles, identity_number, email_confirmed_at)
        VALUES (p_tenant, 'cd' || p_identity, p_display_name, lower(NULLIF(p_email, '')), '!national-identity', ARRAY['CITIZEN'], p_identity,
                CASE WHEN NULLIF(p_email, '') IS NULL THEN NULL ELSE now() END)
        RETURNING id INTO uid;
    END IF;
    UPDATE app_user u SET last_login_at = now() WHERE u.id = uid;
    RETURN QUERY
    SELECT u.id, u.tenant_id, t.code::text, t.path::text, t.status::text, u.password_hash, u.roles, u.subtree_rights,
           u.status::text, u.locked_until, u.display_name::text, u.must_change_password, u.username::text
      FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.id = uid;
END $$;

-- the application reads them only through the functions above; its plain SELECT is under their policies like any tenant table
GRANT SELECT ON account_link, account_mail TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON app_user TO ${auth_role};
GRANT USAGE, SELECT ON SEQUENCE app_user_id_seq TO ${auth_role};
GRANT SELECT, INSERT, UPDATE ON account_link TO ${auth_role};
GRANT USAGE, SELECT ON SEQUENCE account_link_id_seq TO ${auth_role};
GRANT INSERT ON account_mail TO ${auth_role};
GRANT USAGE, SELECT ON SEQUENCE account_mail_id_seq TO ${auth_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${auth_role};
ALTER FUNCTION account_issue_link(bigint, text, text, interval, text) OWNER TO ${auth_role};
ALTER FUNCTION account_sign_up(bigint, text, text, text, text) OWNER TO ${auth_role};
ALTER FUNCTION account_link_state(text, text) OWNER TO ${auth_role};
ALTER FUNCTION account_confirm(text) OWNER TO ${auth_role};
ALTER FUNCTION account_by_email(text) OWNER TO ${auth_role};
ALTER FUNCTION account_reset_password(text, text) OWNER TO ${auth_role};
ALTER FUNCTION account_national_identity(text, text, text, bigint, bigint) OWNER TO ${auth_role};
REVOKE CREATE ON SCHEMA public FROM ${auth_role};
REVOKE EXECUTE ON FUNCTION account_issue_link(bigint, text, text, interval, text), account_sign_up(bigint, text, text, text, text),
    account_link_state(text, text), account_confirm(text), account_by_email(text), account_reset_password(text, text),
    account_national_identity(text, text, text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION account_issue_link(bigint, text, text, interval, text), account_sign_up(bigint, text, text, text, text),
    account_link_state(text, text), account_confirm(text), account_by_email(text), account_reset_password(text, text),
    account_national_identity(text, text, text, bigint, bigint) TO ${app_role};
