-- The addresses of a unit's clerks and leaders (for the urgent documents' e-mails) are answered only inside that
-- unit's own scope, as every tenant row is: the app role cannot read another unit's staff addresses by naming it.
-- The worker sets the unit's scope for the short transaction in which it asks.
GRANT USAGE, CREATE ON SCHEMA public TO ${auth_role};
CREATE OR REPLACE FUNCTION document_mail_recipients(p_tenant bigint) RETURNS TABLE (email text, display_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.email::text, u.display_name::text FROM app_user u
     WHERE u.tenant_id = p_tenant AND p_tenant = NULLIF(current_setting('app.tenant_id', true), '')::bigint
       AND u.status = 'active' AND u.email IS NOT NULL AND btrim(u.email) <> ''
       AND u.roles && ARRAY['CLERK', 'LEADER']::text[]
     ORDER BY u.id
$$;
REVOKE CREATE ON SCHEMA public FROM ${auth_role};
