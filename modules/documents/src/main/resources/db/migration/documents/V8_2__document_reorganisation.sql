-- Issue 20: official documents through a reorganisation (RecordRule "documents", vn.egov.documents.control.DocumentRecords).
-- Decree 30/2020/NĐ-CP keeps registers per unit and per year. A unit that ends has its registers closed at the plan's
-- effective date and kept readable as they were (their numbers and prints unchanged); the successor numbers in its
-- own registers. So a document's number belongs to the register of the unit that gave it (register_unit_id), which
-- stays when the document goes to the successor (tenant_id) to be read and worked on; no number is ever changed.

ALTER TABLE document ADD COLUMN register_unit_id bigint REFERENCES tenant(id);
UPDATE document SET register_unit_id = tenant_id;
ALTER TABLE document ALTER COLUMN register_unit_id SET NOT NULL;
DROP INDEX document_number;
CREATE UNIQUE INDEX document_number ON document (register_unit_id, register, series, year, number);
DROP INDEX document_outgoing_number_symbol;
CREATE UNIQUE INDEX document_outgoing_number_symbol ON document (register_unit_id, year, series, number_symbol) WHERE register = 'outgoing';
CREATE INDEX document_register_unit ON document (tenant_id, register_unit_id, register, year);

ALTER TABLE document_counter ADD COLUMN register_unit_id bigint REFERENCES tenant(id);
UPDATE document_counter SET register_unit_id = tenant_id;
ALTER TABLE document_counter ALTER COLUMN register_unit_id SET NOT NULL;
-- the day a closed register took its last entry (the plan's effective date), or NULL while it is open
ALTER TABLE document_counter ADD COLUMN closed_on date;
ALTER TABLE document_counter DROP CONSTRAINT document_counter_pkey;
ALTER TABLE document_counter ADD PRIMARY KEY (register_unit_id, register, series, year);
CREATE INDEX document_counter_tenant ON document_counter (tenant_id);

-- the same edXML package addressed to two units that later merge is two arrivals, not one
ALTER TABLE document_inbound ADD COLUMN addressed_unit_id bigint REFERENCES tenant(id);
UPDATE document_inbound SET addressed_unit_id = tenant_id;
ALTER TABLE document_inbound ALTER COLUMN addressed_unit_id SET NOT NULL;
DO $$
DECLARE c text;
BEGIN
    SELECT conname INTO STRICT c FROM pg_constraint WHERE conrelid = 'document_inbound'::regclass AND contype = 'u';
    EXECUTE format('ALTER TABLE document_inbound DROP CONSTRAINT %I', c);
END $$;
ALTER TABLE document_inbound ADD CONSTRAINT document_inbound_same_package UNIQUE (addressed_unit_id, from_organ_id, edxml_document_id);

-- a row written by the application belongs to its unit's own register (and, for a package, its own address)
CREATE FUNCTION document_own_register() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'document_inbound' THEN
        NEW.addressed_unit_id := COALESCE(NEW.addressed_unit_id, NEW.tenant_id);
    ELSE
        NEW.register_unit_id := COALESCE(NEW.register_unit_id, NEW.tenant_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER document_own_register BEFORE INSERT ON document FOR EACH ROW EXECUTE FUNCTION document_own_register();
CREATE TRIGGER document_own_register BEFORE INSERT ON document_counter FOR EACH ROW EXECUTE FUNCTION document_own_register();
CREATE TRIGGER document_own_register BEFORE INSERT ON document_inbound FOR EACH ROW EXECUTE FUNCTION document_own_register();

-- A delivery between two units that became one is kept as history (merged_on), not answered any more.
ALTER TABLE document_delivery ADD COLUMN merged_on date;
DO $$
DECLARE c text;
BEGIN
    SELECT conname INTO STRICT c FROM pg_constraint WHERE conrelid = 'document_delivery'::regclass AND contype = 'c'
       AND pg_get_constraintdef(oid) = 'CHECK ((to_tenant_id <> tenant_id))';
    EXECUTE format('ALTER TABLE document_delivery DROP CONSTRAINT %I', c);
END $$;
ALTER TABLE document_delivery ADD CONSTRAINT document_delivery_not_to_itself CHECK (to_tenant_id <> tenant_id OR merged_on IS NOT NULL);

-- What would stop the hand-over: a register that would be closed before entries it already holds (numbered after
-- the effective date: the register cannot close in the middle of its numbering).
CREATE FUNCTION documents_reorg_conflicts(p_from bigint[], p_to bigint, p_effective date)
    RETURNS TABLE (unit_code text, register text, n bigint, sample text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reorg_require_scope(p_from || p_to);
    RETURN QUERY
        SELECT t.code::text, d.register::text || '/' || d.series::text || '/' || d.year, count(*),
               left(string_agg(d.number || ' (' || to_char(COALESCE(CASE d.register WHEN 'outgoing' THEN d.issued_on ELSE d.received_on END,
                                                                    (d.registered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date), 'DD/MM/YYYY') || ')',
                               ', ' ORDER BY d.number), 200)
          FROM document d JOIN tenant t ON t.id = d.register_unit_id
         WHERE d.register_unit_id = ANY (p_from) AND d.number IS NOT NULL
           AND COALESCE(CASE d.register WHEN 'outgoing' THEN d.issued_on ELSE d.received_on END,
                        (d.registered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) > p_effective
         GROUP BY t.code, d.register, d.series, d.year;
END $$;

CREATE FUNCTION documents_reorg_transfer(p_from bigint, p_to bigint, p_effective date)
    RETURNS TABLE (table_name text, moved bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    -- documents go to the successor; numbered ones stay entries of the register that numbered them, drafts
    -- (not in any register yet) will be numbered in the successor's
    UPDATE document SET tenant_id = p_to, register_unit_id = CASE WHEN number IS NULL THEN p_to ELSE register_unit_id END
     WHERE tenant_id = p_from;
    table_name := 'document'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    UPDATE document_counter SET tenant_id = p_to, closed_on = COALESCE(closed_on, p_effective) WHERE tenant_id = p_from;
    table_name := 'document_counter'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    -- deliveries the ended unit sent: the successor is their sender; one to the successor itself is history now
    UPDATE document_delivery SET tenant_id = p_to, merged_on = CASE WHEN to_tenant_id = p_to THEN p_effective ELSE merged_on END
     WHERE tenant_id = p_from;
    table_name := 'document_delivery'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    -- deliveries it received: the successor answers them, unless it sent them itself (history) or has its own copy
    -- of the same document already (the ended unit's stays as history of what reached it)
    UPDATE document_delivery v SET merged_on = p_effective
     WHERE v.to_tenant_id = p_from AND (v.tenant_id = p_to OR EXISTS (SELECT 1 FROM document_delivery w
                                         WHERE w.document_id = v.document_id AND w.to_tenant_id = p_to));
    UPDATE document_delivery v SET to_tenant_id = p_to WHERE v.to_tenant_id = p_from AND v.merged_on IS NULL;
    table_name := 'document_delivery (received)'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    UPDATE document_inbound SET tenant_id = p_to WHERE tenant_id = p_from;
    table_name := 'document_inbound'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION documents_reorg_conflicts(bigint[], bigint, date), documents_reorg_transfer(bigint, bigint, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION documents_reorg_conflicts(bigint[], bigint, date), documents_reorg_transfer(bigint, bigint, date) TO ${app_role};
