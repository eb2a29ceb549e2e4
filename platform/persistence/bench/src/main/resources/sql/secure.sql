-- Runs as the owner after the load.
ALTER TABLE record_rls ENABLE ROW LEVEL SECURITY;
ALTER TABLE record_rls FORCE ROW LEVEL SECURITY;

CREATE POLICY record_rls_tenant ON record_rls
    USING      (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

GRANT SELECT ON tenant TO rlsbench_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON record_rls, record_plain TO rlsbench_app;
GRANT USAGE ON SEQUENCE record_rls_id_seq, record_plain_id_seq TO rlsbench_app;
