-- Issue 20, portal rule: a category the successor already has (the same slug; every unit starts with tin-tuc and
-- thong-bao) becomes the successor's, instead of a second "Tin tức" in its site's navigation: the ended unit's
-- articles (and their saved versions) and its menu items that point to it go to the successor's category, and the
-- ended unit's category row is returned (as JSON) for the plan's report. Other categories follow as they are.
CREATE OR REPLACE FUNCTION portal_reorg_transfer(p_from bigint, p_to bigint, p_site boolean)
    RETURNS TABLE (table_name text, moved bigint, replaced bigint, replaced_rows text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text;
    same jsonb;
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    SELECT jsonb_agg(jsonb_build_object('old', o.id, 'new', s.id, 'row', to_jsonb(o)) ORDER BY o.id) INTO same
      FROM portal_category o
      JOIN LATERAL (SELECT c.id FROM portal_category c WHERE c.tenant_id = p_to AND c.slug = o.slug ORDER BY c.position, c.id LIMIT 1) s ON true
     WHERE o.tenant_id = p_from;
    IF same IS NOT NULL THEN
        UPDATE portal_article a SET category_id = (m->>'new')::bigint
          FROM jsonb_array_elements(same) m WHERE a.tenant_id = p_from AND a.category_id = (m->>'old')::bigint;
        UPDATE portal_article_version v SET category_id = (m->>'new')::bigint
          FROM jsonb_array_elements(same) m WHERE v.tenant_id = p_from AND v.category_id = (m->>'old')::bigint;
        UPDATE portal_menu_item i SET target = m->>'new'
          FROM jsonb_array_elements(same) m WHERE i.tenant_id = p_from AND i.target_kind = 'category' AND i.target = m->>'old';
        DELETE FROM portal_category c USING jsonb_array_elements(same) m WHERE c.tenant_id = p_from AND c.id = (m->>'old')::bigint;
        table_name := 'portal_category'; moved := 0; replaced := jsonb_array_length(same);
        replaced_rows := (SELECT jsonb_agg(m->'row')::text FROM jsonb_array_elements(same) m);
        RETURN NEXT;
    END IF;
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
