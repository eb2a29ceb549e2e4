-- Every tenant table is found by its unit: a reorganisation moves each ended unit's rows with one
-- UPDATE ... WHERE tenant_id = ?, and without an index that is a scan of the whole table per ended unit (on the
-- national-scale reform bench, 3,300 hand-overs, each table's whole scan for each: quadratic in the data; measured
-- with tenant-admin/bench/reform.sh). RecordRulesIT fails for a tenant table without such an index.
CREATE INDEX dossier_event_tenant ON dossier_event (tenant_id);
CREATE INDEX dossier_file_tenant ON dossier_file (tenant_id);
CREATE INDEX dossier_handover_tenant ON dossier_handover (tenant_id);
CREATE INDEX dossier_notice_tenant ON dossier_notice (tenant_id);
CREATE INDEX dossier_outbox_tenant ON dossier_outbox (tenant_id);
CREATE INDEX dossier_payment_tenant ON dossier_payment (tenant_id);
CREATE INDEX dossier_refund_tenant ON dossier_refund (tenant_id);
CREATE INDEX dossier_shipment_tenant ON dossier_shipment (tenant_id);
CREATE INDEX payment_reconciliation_tenant ON payment_reconciliation (tenant_id);
