-- Issue 22: downloadable form templates (mẫu đơn, tờ khai) of a procedure, attached by the administrators of the unit
-- that publishes it (the province for its master catalogue) and downloaded from the procedure's page of every unit
-- that offers it. Each file was judged by its content (PDF, Word, Excel) before it was stored. Public information, like
-- the procedure: next to the tenant policy, the SELECT-only public-read policy.
CREATE TABLE procedure_template (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint       NOT NULL REFERENCES tenant(id),
    procedure_id bigint       NOT NULL REFERENCES procedure(id) ON DELETE CASCADE,
    name         varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    content_type varchar(100) NOT NULL,
    size_bytes   integer      NOT NULL CHECK (size_bytes > 0),
    sha256       char(64)     NOT NULL,
    content      bytea        NOT NULL,
    uploaded_by  varchar(64)  NOT NULL,
    uploaded_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX procedure_template_tenant ON procedure_template (tenant_id, procedure_id);
CREATE INDEX procedure_template_procedure ON procedure_template (procedure_id);

ALTER TABLE procedure_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_template FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON procedure_template
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY public_read ON procedure_template FOR SELECT USING ((SELECT portal_public_read()));

-- a template is replaced by uploading another and deleting the old one, never changed
GRANT SELECT, INSERT, DELETE ON procedure_template TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE procedure_template_id_seq TO ${app_role};

-- The reorganisation rule (V8_3) again, with the templates: they go where their procedure goes (a superseded
-- procedure's stay with it, with the ended unit).
CREATE OR REPLACE FUNCTION procedures_reorg_transfer(p_from bigint, p_to bigint) RETURNS TABLE (table_name text, moved bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    kept bigint;
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    -- adoptions of a superseded procedure (same code in the successor) become adoptions of the successor's
    UPDATE unit_procedure u SET procedure_id = s.id
      FROM procedure o JOIN procedure s ON s.tenant_id = p_to AND s.code = o.code
     WHERE o.tenant_id = p_from AND u.procedure_id = o.id
       AND NOT EXISTS (SELECT 1 FROM unit_procedure w WHERE w.tenant_id = u.tenant_id AND w.procedure_id = s.id);
    DELETE FROM unit_procedure u USING procedure o
     WHERE o.tenant_id = p_from AND u.procedure_id = o.id AND EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    -- own procedures whose code the successor has not: follow with their versions and templates
    UPDATE procedure_version v SET tenant_id = p_to FROM procedure o
     WHERE v.procedure_id = o.id AND o.tenant_id = p_from
       AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    UPDATE procedure_template t SET tenant_id = p_to FROM procedure o
     WHERE t.procedure_id = o.id AND o.tenant_id = p_from AND t.tenant_id = p_from
       AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    table_name := 'procedure_template'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    UPDATE procedure o SET tenant_id = p_to
     WHERE o.tenant_id = p_from AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    table_name := 'procedure'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    SELECT count(*) INTO kept FROM procedure WHERE tenant_id = p_from;
    table_name := 'procedure (superseded, kept)'; moved := kept; RETURN NEXT;
    -- the union of adoptions, less what the successor publishes itself
    INSERT INTO unit_procedure (tenant_id, procedure_id, adopted_by, adopted_at)
         SELECT p_to, a.procedure_id, a.adopted_by, a.adopted_at FROM unit_procedure a
          WHERE a.tenant_id = p_from AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.id = a.procedure_id AND s.tenant_id = p_to)
    ON CONFLICT DO NOTHING;
    DELETE FROM unit_procedure WHERE tenant_id = p_from;
    table_name := 'unit_procedure'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION procedures_reorg_transfer(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION procedures_reorg_transfer(bigint, bigint) TO ${app_role};
