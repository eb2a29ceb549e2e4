-- Issue 20: procedures through a reorganisation (RecordRule "procedures", vn.egov.procedures.control.ProcedureRecords).
-- Adoption is the union: the successor offers what it offered and what the ended unit adopted (less what it publishes
-- itself). The ended unit's own (local) procedures follow with all their versions; one whose code the successor
-- already publishes stays where it is, superseded by the successor's: its versions stay readable (public) for the
-- dossiers submitted under them, and adoptions of it become adoptions of the successor's. A dossier keeps the
-- procedure version it was submitted under.
CREATE FUNCTION procedures_reorg_transfer(p_from bigint, p_to bigint) RETURNS TABLE (table_name text, moved bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    kept bigint;
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    -- adoptions of a superseded procedure (same code in the successor) become adoptions of the successor's
    UPDATE unit_procedure u SET procedure_id = s.id
      FROM procedure o JOIN procedure s ON s.tenant_id = p_to AND s.code = o.code
     WHERE o.tenant_id = p_from AND u.procedure_id = o.id
       AND NOT EXISTS (SELECT 1 FROM unit_procedure w WHERE w.tenant_id = u.tenant_id AND w.procedure_id = s.id);
    DELETE FROM unit_procedure u USING procedure o
     WHERE o.tenant_id = p_from AND u.procedure_id = o.id AND EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    -- own procedures whose code the successor has not: follow with their versions
    UPDATE procedure_version v SET tenant_id = p_to FROM procedure o
     WHERE v.procedure_id = o.id AND o.tenant_id = p_from
       AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    UPDATE procedure o SET tenant_id = p_to
     WHERE o.tenant_id = p_from AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.tenant_id = p_to AND s.code = o.code);
    table_name := 'procedure'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    SELECT count(*) INTO kept FROM procedure WHERE tenant_id = p_from;
    table_name := 'procedure (superseded, kept)'; moved := kept; RETURN NEXT;
    -- the union of adoptions, less what the successor publishes itself
    INSERT INTO unit_procedure (tenant_id, procedure_id, adopted_by, adopted_at)
         SELECT p_to, a.procedure_id, a.adopted_by, a.adopted_at FROM unit_procedure a
          WHERE a.tenant_id = p_from AND NOT EXISTS (SELECT 1 FROM procedure s WHERE s.id = a.procedure_id AND s.tenant_id = p_to)
    ON CONFLICT DO NOTHING;
    DELETE FROM unit_procedure WHERE tenant_id = p_from;
    table_name := 'unit_procedure'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION procedures_reorg_transfer(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION procedures_reorg_transfer(bigint, bigint) TO ${app_role};
