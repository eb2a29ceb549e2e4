-- Nodes keep the tenant tree's lookups (code -> unit, host -> unit) in memory; any change to the tree, by the
-- application or by the operator's tools working directly in the database, tells them to forget it.
CREATE FUNCTION tenant_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('egov_tenant_changed', TG_OP);
    RETURN NULL;
END $$;

CREATE TRIGGER tenant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenant
    FOR EACH STATEMENT EXECUTE FUNCTION tenant_changed_notify();
