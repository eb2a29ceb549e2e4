-- Feedback and complaints (phản ánh, kiến nghị): a citizen's report about a unit, answered by the unit's staff and,
-- if the citizen agreed, published with the answer on the unit's site (without the citizen's name).
--  * the unit's staff read and answer their unit's reports (the tenant policy, like every tenant table);
--  * the citizen reads their own reports, whichever unit they wrote to (the applicant scope: app.applicant_id, the
--    dossiers' dossier_applicant()), and writes nothing that way;
--  * visitors read published reports only (the public scope: app.public, the portal's portal_public_read()).
CREATE SEQUENCE feedback_code_seq;

CREATE TABLE feedback (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint        NOT NULL REFERENCES tenant(id),
    code           varchar(20)   NOT NULL UNIQUE,
    applicant_id   bigint        NOT NULL REFERENCES app_user(id),
    applicant_name varchar(200)  NOT NULL,
    subject        varchar(200)  NOT NULL CHECK (length(btrim(subject)) > 0),
    content        text          NOT NULL CHECK (length(btrim(content)) > 0 AND length(content) <= 5000),
    category       varchar(20)   CHECK (category IN ('procedures', 'infrastructure', 'environment', 'order', 'conduct', 'other')),
    consent        boolean       NOT NULL DEFAULT false,
    status         varchar(12)   NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'answered', 'published')),
    answer         text          CHECK (length(answer) <= 10000),
    answered_by    varchar(64),
    answered_at    timestamptz,
    published_by   varchar(64),
    published_at   timestamptz,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    version        integer       NOT NULL DEFAULT 0,
    CHECK (status = 'new' OR answer IS NOT NULL),
    CHECK (status <> 'published' OR consent)
);
CREATE INDEX feedback_tenant_created ON feedback (tenant_id, created_at DESC, id DESC);
CREATE INDEX feedback_applicant ON feedback (applicant_id, created_at DESC);
CREATE INDEX feedback_published ON feedback (tenant_id, published_at DESC) WHERE status = 'published';

ALTER TABLE feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON feedback
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY applicant_read ON feedback FOR SELECT USING (applicant_id = (SELECT dossier_applicant()));
CREATE POLICY public_read ON feedback FOR SELECT USING ((SELECT portal_public_read()) AND status = 'published' AND consent);

GRANT SELECT, INSERT, UPDATE ON feedback TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE feedback_id_seq, feedback_code_seq TO ${app_role};
