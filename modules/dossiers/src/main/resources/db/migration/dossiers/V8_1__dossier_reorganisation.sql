-- Issue 20: dossiers through a reorganisation (RecordRule "dossiers", vn.egov.dossiers.control.DossierRecords).
-- In-progress dossiers continue under the successor with their codes unchanged; the holder and the parties follow
-- (a dossier that another unit owns but the ended unit holds, say a district that is dissolved, is then held by the
-- successor); steps, deadlines and the handover history are the dossier's own rows and stay as they were.

-- A day's sequence belongs to the code prefix it numbers (the unit's code when it numbered), not only to the unit:
-- the ended unit's sequences go to the successor with their prefixes, so the successor's own codes never collide
-- with the old ones, and a successor that takes over an ended unit's code goes on with that code's numbers.
ALTER TABLE dossier_sequence ADD COLUMN prefix varchar(63);
UPDATE dossier_sequence s SET prefix = t.code FROM tenant t WHERE t.id = s.tenant_id;
ALTER TABLE dossier_sequence ALTER COLUMN prefix SET NOT NULL;
ALTER TABLE dossier_sequence DROP CONSTRAINT dossier_sequence_pkey;
ALTER TABLE dossier_sequence ADD PRIMARY KEY (tenant_id, prefix, day);

-- The dossiers a unit is a party of (parties always hold the owner and the holder): found through the GIN index. Row-level
-- security would first read every dossier of the scope (its quals go first, and @> is not leakproof), 360 ms a merge on
-- 15,000 dossiers (measured: tenant-admin/bench/reform.sh); so the ids come from this function, owned by the indexer role
-- and callable by the owner only (from dossiers_reorg_transfer, after its scope check), and the UPDATE by id is filtered
-- by row-level security as always.
CREATE FUNCTION dossiers_of_party(p_unit bigint) RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT d.id FROM dossier d WHERE d.parties @> ARRAY[p_unit]
$$;
REVOKE EXECUTE ON FUNCTION dossiers_of_party(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossiers_of_party(bigint) TO CURRENT_USER;
GRANT SELECT (id, parties) ON dossier TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossiers_of_party(bigint) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};

CREATE FUNCTION dossiers_reorg_transfer(p_from bigint, p_to bigint) RETURNS TABLE (table_name text, moved bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    UPDATE dossier d
       SET tenant_id = CASE WHEN d.tenant_id = p_from THEN p_to ELSE d.tenant_id END,
           holder_id = CASE WHEN d.holder_id = p_from THEN p_to ELSE d.holder_id END,
           parties = ARRAY(SELECT y FROM (SELECT CASE WHEN x = p_from THEN p_to ELSE x END AS y, min(o) AS o
                                            FROM unnest(d.parties) WITH ORDINALITY u(x, o) GROUP BY 1) s ORDER BY o)
     WHERE d.id = ANY (ARRAY(SELECT dossiers_of_party(p_from)));
    table_name := 'dossier'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    INSERT INTO dossier_sequence AS s (tenant_id, prefix, day, last)
         SELECT p_to, o.prefix, o.day, o.last FROM dossier_sequence o WHERE o.tenant_id = p_from
    ON CONFLICT (tenant_id, prefix, day) DO UPDATE SET last = GREATEST(s.last, EXCLUDED.last);
    DELETE FROM dossier_sequence WHERE dossier_sequence.tenant_id = p_from;
    table_name := 'dossier_sequence'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION dossiers_reorg_transfer(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossiers_reorg_transfer(bigint, bigint) TO ${app_role};

-- The public lookup by code (the receipt's QR code) finds the dossier's unit from the code itself, whatever became
-- of the unit whose code is its prefix (renamed, merged): one unit id, nothing else.
CREATE FUNCTION dossier_code_unit(p_code text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT d.tenant_id FROM dossier d WHERE d.code = p_code
$$;
GRANT SELECT (tenant_id, code) ON dossier TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_code_unit(text) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_code_unit(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_code_unit(text) TO ${app_role};
