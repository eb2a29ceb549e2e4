-- Each unit collects its own fees (issue 6): the bank account a unit's payment requests (VietQR) name, set by its
-- administrator; a payment request keeps the account it named when it was made, so a later change never alters a
-- code an applicant already holds. A unit without its own account uses the deployment's (EGOV_PAYMENT_BIN/_ACCOUNT).
CREATE TABLE unit_payment_account (
    tenant_id    bigint       PRIMARY KEY REFERENCES tenant(id),
    bank_bin     varchar(6)   NOT NULL CHECK (bank_bin ~ '^[0-9]{6}$'),
    account_no   varchar(19)  NOT NULL CHECK (account_no ~ '^[0-9]{6,19}$'),
    account_name varchar(100) NOT NULL CHECK (length(btrim(account_name)) > 0),
    updated_by   varchar(64)  NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
ALTER TABLE unit_payment_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_payment_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON unit_payment_account
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON unit_payment_account TO ${app_role};

ALTER TABLE dossier_payment ADD COLUMN bank_bin varchar(6), ADD COLUMN account_no varchar(19), ADD COLUMN account_name varchar(100);
