-- Every tenant table is found by its unit (see V8_6): a reorganisation moves each ended unit's rows by tenant_id.
CREATE INDEX portal_article_version_tenant ON portal_article_version (tenant_id);
