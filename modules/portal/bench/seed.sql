-- Portal benchmark data: every active unit of the tree gets a category, a static page and :per_unit published
-- articles (half of them shared upward), spread over the last 60 days. Run as the owner; row-level security is
-- forced on the owner too, so each unit's rows are written under that unit's scope.
SELECT set_config('bench.per_unit', :'per_unit', false);
DO $$
DECLARE
    u record;
    cat bigint;
    i int;
BEGIN
    FOR u IN SELECT id, name FROM tenant WHERE status = 'active' ORDER BY path LOOP
        PERFORM set_config('app.tenant_id', u.id::text, true);
        PERFORM set_config('app.subtree', 'off', true);
        IF EXISTS (SELECT 1 FROM portal_article WHERE tenant_id = u.id AND created_by = 'bench') THEN
            CONTINUE;
        END IF;
        INSERT INTO portal_category (tenant_id, name, name_en, slug) VALUES (u.id, 'Tin hoạt động', 'Activities', 'tin-hoat-dong')
            RETURNING id INTO cat;
        INSERT INTO portal_page (tenant_id, title, slug, body, updated_by)
            VALUES (u.id, 'Giới thiệu', 'gioi-thieu', '<p>Giới thiệu về ' || u.name || '.</p>', 'bench');
        FOR i IN 1 .. current_setting('bench.per_unit')::int LOOP
            INSERT INTO portal_article (tenant_id, category_id, title, summary, body, tags, author, status, featured, share_upward,
                                        publish_at, went_live, created_by, updated_by)
            VALUES (u.id, cat, u.name || ': tin hoạt động số ' || i,
                    'Tóm tắt tin số ' || i || ' của ' || u.name || ' về cải cách hành chính và dịch vụ công trực tuyến.',
                    repeat('<p>Ủy ban nhân dân đã tổ chức hội nghị triển khai dịch vụ công trực tuyến mức độ 4, hướng dẫn người dân '
                           || 'nộp hồ sơ qua mạng và theo dõi kết quả giải quyết thủ tục hành chính.</p>', 8),
                    ARRAY['dịch vụ công', 'cải cách hành chính'], 'Ban biên tập', 'published', i = 1, i % 2 = 0,
                    now() - (random() * interval '60 days'), true, 'bench', 'bench');
        END LOOP;
    END LOOP;
END $$;
