-- Processing a dossier (issue 6): the step it is at, who holds it, the handovers between steps (form 06), the
-- notices sent about it (forms 02 to 05), the result, the applicant's rating, and the outbox of status changes
-- for the national public service portal.
--
-- A dossier belongs to the unit that received it (tenant_id) for ever. While another agency works on it
-- (inter-agency transfer: commune -> district -> department and back) that agency is its holder; every unit
-- that has held it is one of its parties and keeps reading it (what it did is part of the dossier's history).
-- Its steps, notices, files and events are read by whoever may read the dossier: their SELECT policy asks the
-- dossier table, whose own policies answer (the owner's, a party's or the applicant's scope).

-- the backfill below runs as the owner, which row-level security binds too (FORCE): lifted for its length only
ALTER TABLE dossier NO FORCE ROW LEVEL SECURITY;
ALTER TABLE procedure_version NO FORCE ROW LEVEL SECURITY;

ALTER TABLE dossier
    ADD COLUMN holder_id     bigint REFERENCES tenant(id),
    ADD COLUMN parties       bigint[],
    ADD COLUMN step_id       varchar(40),
    ADD COLUMN step_name     varchar(200),
    ADD COLUMN assignee      varchar(64),
    ADD COLUMN step_due      date,
    ADD COLUMN paused_on     date,
    ADD COLUMN new_due_date  date,
    ADD COLUMN finished_at   timestamptz,
    ADD COLUMN return_by     varchar(10) NOT NULL DEFAULT 'online' CHECK (return_by IN ('online', 'post')),
    ADD COLUMN rating        smallint CHECK (rating BETWEEN 1 AND 5),
    ADD COLUMN rating_note   varchar(2000),
    ADD COLUMN rated_at      timestamptz,
    ADD COLUMN row_version   integer NOT NULL DEFAULT 0;

UPDATE dossier d SET holder_id = d.tenant_id, parties = ARRAY[d.tenant_id],
       step_id = v.definition #>> '{process,start}',
       step_name = (SELECT s ->> 'name' FROM jsonb_array_elements(v.definition #> '{process,steps}') s
                     WHERE s ->> 'id' = v.definition #>> '{process,start}')
  FROM procedure_version v
 WHERE v.procedure_id = d.procedure_id AND v.version = d.procedure_version;

ALTER TABLE dossier
    ALTER COLUMN holder_id SET NOT NULL,
    ALTER COLUMN parties SET NOT NULL,
    ALTER COLUMN step_id SET NOT NULL,
    ALTER COLUMN step_name SET NOT NULL,
    ADD CONSTRAINT dossier_holder_is_party CHECK (holder_id = ANY (parties) AND tenant_id = ANY (parties)),
    ADD CONSTRAINT dossier_final_has_end CHECK ((status IN ('done', 'refused', 'stopped')) = (finished_at IS NOT NULL)),
    ADD CONSTRAINT dossier_rated_when_done CHECK (rating IS NULL OR status = 'done');

ALTER TABLE dossier FORCE ROW LEVEL SECURITY;
ALTER TABLE procedure_version FORCE ROW LEVEL SECURITY;

CREATE INDEX dossier_holder ON dossier (holder_id, received_at DESC);
CREATE INDEX dossier_parties ON dossier USING gin (parties);
CREATE INDEX dossier_tenant_finished ON dossier (tenant_id, finished_at) WHERE finished_at IS NOT NULL;

-- a unit that has held the dossier reads it and, while it holds it, moves it on (the application checks the
-- holder; the database keeps every other unit out)
CREATE POLICY party_scope ON dossier
    USING (parties && (SELECT visible_tenants())::bigint[]) WITH CHECK (parties && (SELECT visible_tenants())::bigint[]);

-- files: the applicant's papers, papers sent later on request (supplement) and the result; tenant_id is the unit
-- (or, for the applicant's own, the holder) that stored it
ALTER TABLE dossier_file
    ADD COLUMN kind varchar(12) NOT NULL DEFAULT 'paper' CHECK (kind IN ('paper', 'supplement', 'result')),
    ADD COLUMN added_at timestamptz NOT NULL DEFAULT now();

-- one row per handover between steps (form 06), written by the unit that gives the dossier on and never changed:
-- the step that ends (its deadline and whether it ended early, on time or late), the step that begins (its
-- deadline), who gave it, who receives it (a person of the same unit, or another agency)
CREATE TABLE dossier_handover (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint       NOT NULL REFERENCES tenant(id),
    dossier_id    bigint       NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    at            timestamptz  NOT NULL DEFAULT now(),
    from_step     varchar(40)  NOT NULL,
    from_name     varchar(200) NOT NULL,
    from_due      date,
    outcome       varchar(8) CHECK (outcome IN ('early', 'on_time', 'late')),
    to_step       varchar(40)  NOT NULL,
    to_name       varchar(200) NOT NULL,
    to_due        date,
    to_unit       bigint       NOT NULL REFERENCES tenant(id),
    given_by      varchar(64)  NOT NULL,
    assignee      varchar(64),
    note          varchar(2000)
);
CREATE INDEX dossier_handover_dossier ON dossier_handover (dossier_id, id);

-- forms 02 (supplement), 03 (refusal), 04 (apology and new date), 05 (stop), as they were issued
CREATE TABLE dossier_notice (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint        NOT NULL REFERENCES tenant(id),
    dossier_id     bigint        NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    form           smallint      NOT NULL CHECK (form BETWEEN 2 AND 5),
    reason         varchar(2000) NOT NULL,
    papers         jsonb,
    new_due_date   date,
    by_applicant   boolean       NOT NULL DEFAULT false,
    at             timestamptz   NOT NULL DEFAULT now(),
    actor          varchar(64)   NOT NULL,
    answered_at    timestamptz,
    CHECK ((form = 2) = (papers IS NOT NULL)),
    CHECK ((form = 4) = (new_due_date IS NOT NULL))
);
CREATE INDEX dossier_notice_dossier ON dossier_notice (dossier_id, id);

-- every status change the national public service portal must hear of, written in the transaction of the change
-- and sent in order, per dossier, by the sync worker; a failure waits and is sent again
CREATE TABLE dossier_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint       NOT NULL REFERENCES tenant(id),
    dossier_id      bigint       NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    target          varchar(20)  NOT NULL CHECK (target IN ('national-portal')),
    payload         jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      text,
    sent_at         timestamptz
);
CREATE INDEX dossier_outbox_pending ON dossier_outbox (next_attempt_at, id) WHERE sent_at IS NULL;
CREATE INDEX dossier_outbox_dossier ON dossier_outbox (dossier_id, id);

ALTER TABLE dossier_handover ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_handover FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_notice FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_outbox FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_scope ON dossier_handover
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON dossier_notice
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON dossier_outbox
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

-- read with the dossier: whoever the dossier's own policies let read it (its owner, its parties, its applicant)
DROP POLICY applicant_read ON dossier_file;
DROP POLICY applicant_read ON dossier_event;
CREATE POLICY follows_dossier ON dossier_file FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
CREATE POLICY follows_dossier ON dossier_event FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
CREATE POLICY follows_dossier ON dossier_handover FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
CREATE POLICY follows_dossier ON dossier_notice FOR SELECT USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));

GRANT SELECT, INSERT ON dossier_handover TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON dossier_notice TO ${app_role};
GRANT SELECT, INSERT ON dossier_outbox TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE dossier_handover_id_seq, dossier_notice_id_seq, dossier_outbox_id_seq TO ${app_role};

-- The sync worker serves every unit, so it reads the outbox through these functions, owned by the role that
-- bypasses row-level security and owns nothing else (the search outbox's). A dossier's rows go in order: a row
-- waits while an older unsent row of the same dossier and target waits.
CREATE FUNCTION dossier_outbox_claim(p_limit integer, p_lease interval)
    RETURNS TABLE (id bigint, tenant_id bigint, dossier_id bigint, target text, payload jsonb, attempts integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH ready AS (
        SELECT o.id FROM dossier_outbox o
         WHERE o.sent_at IS NULL
           AND o.next_attempt_at <= now()
           AND (o.claimed_until IS NULL OR o.claimed_until < now())
           AND NOT EXISTS (SELECT 1 FROM dossier_outbox e WHERE e.dossier_id = o.dossier_id AND e.target = o.target
                                                            AND e.sent_at IS NULL AND e.id < o.id)
         ORDER BY o.id
         LIMIT p_limit
         FOR UPDATE SKIP LOCKED)
    UPDATE dossier_outbox o SET claimed_until = now() + p_lease
      FROM ready WHERE o.id = ready.id
    RETURNING o.id, o.tenant_id, o.dossier_id, o.target::text, o.payload, o.attempts;
END
$$;

CREATE FUNCTION dossier_outbox_sent(p_id bigint) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE dossier_outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = p_id
$$;

CREATE FUNCTION dossier_outbox_failed(p_id bigint, p_error text, p_max_delay_s integer) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE dossier_outbox
       SET attempts = attempts + 1,
           claimed_until = NULL,
           last_error = left(p_error, 2000),
           next_attempt_at = now() + make_interval(secs => least(p_max_delay_s, power(2, least(attempts, 20)))::double precision)
     WHERE id = p_id
$$;

CREATE FUNCTION dossier_outbox_backlog()
    RETURNS TABLE (pending bigint, failing bigint, oldest timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*), count(*) FILTER (WHERE o.attempts > 0), min(o.created_at) FROM dossier_outbox o WHERE o.sent_at IS NULL
$$;

GRANT SELECT, UPDATE ON dossier_outbox TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_outbox_claim(integer, interval) OWNER TO ${indexer_role};
ALTER FUNCTION dossier_outbox_sent(bigint) OWNER TO ${indexer_role};
ALTER FUNCTION dossier_outbox_failed(bigint, text, integer) OWNER TO ${indexer_role};
ALTER FUNCTION dossier_outbox_backlog() OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_outbox_claim(integer, interval), dossier_outbox_sent(bigint),
    dossier_outbox_failed(bigint, text, integer), dossier_outbox_backlog() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_outbox_claim(integer, interval), dossier_outbox_sent(bigint),
    dossier_outbox_failed(bigint, text, integer), dossier_outbox_backlog() TO ${app_role};
