-- Every tenant table is found by its unit (see V8_6): a reorganisation moves each ended unit's rows by tenant_id.
CREATE INDEX document_delivery_tenant ON document_delivery (tenant_id);
CREATE INDEX document_event_tenant ON document_event (tenant_id);
CREATE INDEX document_file_tenant ON document_file (tenant_id);
CREATE INDEX document_outbox_tenant ON document_outbox (tenant_id);
