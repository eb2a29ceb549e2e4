-- Dossiers submitted by post (issue 6): the applicant asks the postal service to pick up their paper dossier and
-- carry it to the unit; the postal service reports its arrival; the unit's one-stop desk receives it as a dossier
-- of the 'post' channel, linked to the applicant's account.
CREATE TABLE dossier_pickup (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint       NOT NULL REFERENCES tenant(id),
    applicant_id   bigint       NOT NULL REFERENCES app_user(id),
    applicant_name varchar(200) NOT NULL,
    procedure_code varchar(40)  NOT NULL,
    address        varchar(500) NOT NULL,
    contact_email  varchar(254),
    status         varchar(10)  NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'arrived', 'received')),
    tracking       varchar(13)  UNIQUE,
    requested_at   timestamptz  NOT NULL DEFAULT now(),
    arrived_at     timestamptz,
    dossier_id     bigint       REFERENCES dossier(id),
    CHECK ((status = 'requested') = (tracking IS NULL)),
    CHECK ((status = 'received') = (dossier_id IS NOT NULL))
);
CREATE INDEX dossier_pickup_unit ON dossier_pickup (tenant_id, status);
CREATE INDEX dossier_pickup_applicant ON dossier_pickup (applicant_id);
ALTER TABLE dossier_pickup ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_pickup FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON dossier_pickup
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY applicant_read ON dossier_pickup FOR SELECT USING (applicant_id = (SELECT dossier_applicant()));
GRANT SELECT, INSERT, UPDATE ON dossier_pickup TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE dossier_pickup_id_seq TO ${app_role};

-- a pickup is booked through the outbox before any dossier exists
ALTER TABLE dossier_outbox ALTER COLUMN dossier_id DROP NOT NULL;

CREATE FUNCTION dossier_pickup_accepted(p_pickup bigint, p_tracking text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE dossier_pickup SET status = 'accepted', tracking = p_tracking WHERE id = p_pickup AND status = 'requested'
$$;
CREATE FUNCTION dossier_pickup_unit(p_tracking text) RETURNS TABLE (tenant_id bigint, pickup_id bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.tenant_id, p.id FROM dossier_pickup p WHERE p.tracking = p_tracking
$$;
GRANT SELECT, UPDATE ON dossier_pickup TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_pickup_accepted(bigint, text) OWNER TO ${indexer_role};
ALTER FUNCTION dossier_pickup_unit(text) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_pickup_accepted(bigint, text), dossier_pickup_unit(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_pickup_accepted(bigint, text), dossier_pickup_unit(text) TO ${app_role};
