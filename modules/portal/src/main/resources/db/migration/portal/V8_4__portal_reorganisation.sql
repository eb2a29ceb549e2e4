-- Issue 20: the portal through a reorganisation (RecordRule "portal", vn.egov.portal.control.PortalRecords).
-- Articles (with their versions), categories, static pages and files follow the ended unit to its successor. The
-- successor's site keeps its own menu and theme unless the plan names this unit's site for it (p_site); an ended
-- unit's menu or theme that is not taken is returned as JSON for the plan's report (nothing lost without trace), and
-- a successor without a menu takes the first one handed to it. Visits add up.
CREATE FUNCTION portal_reorg_transfer(p_from bigint, p_to bigint, p_site boolean)
    RETURNS TABLE (table_name text, moved bigint, replaced bigint, replaced_rows text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text;
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    FOREACH t IN ARRAY ARRAY['portal_file', 'portal_category', 'portal_page', 'portal_article', 'portal_article_version'] LOOP
        EXECUTE format('UPDATE %I SET tenant_id = $2 WHERE tenant_id = $1', t) USING p_from, p_to;
        table_name := t; replaced := 0; replaced_rows := NULL; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['portal_menu_item', 'portal_theme'] LOOP
        table_name := t; moved := 0; replaced := 0; replaced_rows := NULL;
        IF p_site THEN
            -- the plan gives the successor this unit's site: the successor's own is what is replaced
            EXECUTE format('SELECT count(*), json_agg(o)::text FROM %I o WHERE o.tenant_id = $1', t) INTO replaced, replaced_rows USING p_to;
            EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', t) USING p_to;
        ELSE
            EXECUTE format('SELECT count(*), json_agg(o)::text FROM %I o WHERE o.tenant_id = $1 AND EXISTS (SELECT 1 FROM %I s WHERE s.tenant_id = $2)', t, t)
                INTO replaced, replaced_rows USING p_from, p_to;
            IF replaced > 0 THEN
                EXECUTE format('DELETE FROM %I WHERE tenant_id = $1', t) USING p_from;
            END IF;
        END IF;
        EXECUTE format('UPDATE %I SET tenant_id = $2 WHERE tenant_id = $1', t) USING p_from, p_to;
        GET DIAGNOSTICS moved = ROW_COUNT;
        RETURN NEXT;
    END LOOP;
    INSERT INTO portal_site_visit AS s (tenant_id, views) SELECT p_to, v.views FROM portal_site_visit v WHERE v.tenant_id = p_from
    ON CONFLICT (tenant_id) DO UPDATE SET views = s.views + EXCLUDED.views, updated_at = now();
    DELETE FROM portal_site_visit WHERE portal_site_visit.tenant_id = p_from;
    table_name := 'portal_site_visit'; replaced := 0; replaced_rows := NULL; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION portal_reorg_transfer(bigint, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_reorg_transfer(bigint, bigint, boolean) TO ${app_role};
