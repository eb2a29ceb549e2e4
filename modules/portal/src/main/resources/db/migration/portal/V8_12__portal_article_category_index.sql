-- Removing a category sets its articles' category to NULL (ON DELETE SET NULL). The only index on category_id was
-- partial (published articles), so each removal read the whole article table. A reorganisation removes each ended
-- unit's categories that the successor already has (V8_9). At national scale (~100,000 articles) that cost 34 ms a
-- hand-over, two of these scans, measured with tenant-admin/bench/reform.sh BENCH_SCALE=10 and pg_stat_statements.
CREATE INDEX portal_article_category_any ON portal_article (category_id) WHERE category_id IS NOT NULL;
-- the same for a file removed while an article has it as its cover
CREATE INDEX portal_article_cover ON portal_article (cover_file_id) WHERE cover_file_id IS NOT NULL;
