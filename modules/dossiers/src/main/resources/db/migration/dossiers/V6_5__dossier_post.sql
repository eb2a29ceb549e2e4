-- Results returned by post (issue 6): the applicant's delivery address, the shipment handed to the postal
-- service (VNPost) through its adapter, its tracking number and what the postal service reported.
ALTER TABLE dossier
    ADD COLUMN post_address varchar(500),
    ADD COLUMN returned_at  timestamptz;
-- new dossiers returned by post carry an address (rows from before this change are not checked)
ALTER TABLE dossier ADD CONSTRAINT dossier_post_has_address CHECK (return_by <> 'post' OR post_address IS NOT NULL) NOT VALID;

CREATE TABLE dossier_shipment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint       NOT NULL REFERENCES tenant(id),
    dossier_id   bigint       NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    recipient    varchar(200) NOT NULL,
    address      varchar(500) NOT NULL,
    status       varchar(12)  NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'delivered', 'failed')),
    tracking     varchar(13)  UNIQUE,
    requested_at timestamptz  NOT NULL DEFAULT now(),
    accepted_at  timestamptz,
    delivered_at timestamptz,
    note         varchar(500),
    CHECK ((status = 'requested') = (tracking IS NULL))
);
CREATE INDEX dossier_shipment_dossier ON dossier_shipment (dossier_id);
ALTER TABLE dossier_shipment ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_shipment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON dossier_shipment
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY follows_dossier ON dossier_shipment FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
GRANT SELECT, INSERT, UPDATE ON dossier_shipment TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE dossier_shipment_id_seq TO ${app_role};

ALTER TABLE dossier_outbox DROP CONSTRAINT dossier_outbox_target_check;
ALTER TABLE dossier_outbox ADD CONSTRAINT dossier_outbox_target_check CHECK (target IN ('national-portal', 'email', 'vnpost'));

-- The worker (no unit's scope) records the postal service's acceptance; a delivery report (no unit's scope
-- either) finds the unit of a tracking number, and the rest happens in that unit's scope.
CREATE FUNCTION dossier_shipment_accepted(p_shipment bigint, p_tracking text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE dossier_shipment SET status = 'accepted', tracking = p_tracking, accepted_at = now() WHERE id = p_shipment AND status = 'requested'
$$;
CREATE FUNCTION dossier_shipment_unit(p_tracking text) RETURNS TABLE (tenant_id bigint, dossier_code text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT d.tenant_id, d.code::text FROM dossier_shipment s JOIN dossier d ON d.id = s.dossier_id WHERE s.tracking = p_tracking
$$;
GRANT SELECT, UPDATE ON dossier_shipment TO ${indexer_role};
GRANT SELECT ON dossier TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_shipment_accepted(bigint, text) OWNER TO ${indexer_role};
ALTER FUNCTION dossier_shipment_unit(text) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_shipment_accepted(bigint, text), dossier_shipment_unit(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_shipment_accepted(bigint, text), dossier_shipment_unit(text) TO ${app_role};
