-- Fees paid online (issue 6): a payment request per dossier that owes fees (a VietQR payment code with the dossier's
-- reference), paid through the payment gateway's adapter (its signed callback), reconciled daily against the
-- gateway's statement, and refunds. A dossier that owes a fee waits for it before the step its procedure names.
CREATE TABLE dossier_payment (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint       NOT NULL REFERENCES tenant(id),
    dossier_id     bigint       NOT NULL UNIQUE REFERENCES dossier(id) ON DELETE CASCADE,
    reference      varchar(40)  NOT NULL UNIQUE,
    amount         bigint       NOT NULL CHECK (amount > 0),
    status         varchar(10)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid')),
    requested_at   timestamptz  NOT NULL DEFAULT now(),
    paid_at        timestamptz,
    transaction_id varchar(64)  UNIQUE,
    paid_via       varchar(14)  CHECK (paid_via IN ('callback', 'reconciliation')),
    refunded       bigint       NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount),
    CHECK ((status = 'paid') = (paid_at IS NOT NULL AND transaction_id IS NOT NULL AND paid_via IS NOT NULL)),
    CHECK (refunded = 0 OR status = 'paid')
);

CREATE TABLE dossier_refund (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint        NOT NULL REFERENCES tenant(id),
    dossier_id  bigint        NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    payment_id  bigint        NOT NULL REFERENCES dossier_payment(id),
    amount      bigint        NOT NULL CHECK (amount > 0),
    reason      varchar(2000) NOT NULL,
    at          timestamptz   NOT NULL DEFAULT now(),
    actor       varchar(64)   NOT NULL
);
CREATE INDEX dossier_refund_dossier ON dossier_refund (dossier_id);

-- one reconciliation of a day's statement, run by the province: what matched, what the statement had that the
-- callbacks had not told (recorded as paid then), what was paid here but missing from the statement
CREATE TABLE payment_reconciliation (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint      NOT NULL REFERENCES tenant(id),
    day        date        NOT NULL,
    matched    integer     NOT NULL,
    recovered  integer     NOT NULL,
    missing    integer     NOT NULL,
    unknown    integer     NOT NULL,
    details    jsonb       NOT NULL,
    run_at     timestamptz NOT NULL DEFAULT now(),
    run_by     varchar(64) NOT NULL
);

ALTER TABLE dossier_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_payment FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier_refund ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_refund FORCE ROW LEVEL SECURITY;
ALTER TABLE payment_reconciliation ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_reconciliation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON dossier_payment
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON dossier_refund
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON payment_reconciliation
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY follows_dossier ON dossier_payment FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
CREATE POLICY follows_dossier ON dossier_refund FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
GRANT SELECT, INSERT, UPDATE ON dossier_payment TO ${app_role};
GRANT SELECT, INSERT ON dossier_refund, payment_reconciliation TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE dossier_payment_id_seq, dossier_refund_id_seq, payment_reconciliation_id_seq TO ${app_role};

-- a gateway callback (no unit's scope) finds the unit of a payment reference, and nothing else
CREATE FUNCTION dossier_payment_unit(p_reference text) RETURNS TABLE (tenant_id bigint, dossier_code text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.tenant_id, d.code::text FROM dossier_payment p JOIN dossier d ON d.id = p.dossier_id WHERE p.reference = p_reference
$$;
GRANT SELECT ON dossier_payment TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_payment_unit(text) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_payment_unit(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_payment_unit(text) TO ${app_role};
