-- Counting a scope's records per unit (before and after every plan) reads each table by tenant_id. Under a wide scope
-- the planner would also OR in the dossier policy's "parties && visible_tenants()" through the GIN index, which with
-- the ~1,770 units of a province's subtree takes seconds for the array alone (national-scale bench: 6.0 s a count,
-- 1.9 s without bitmap scans; tenant-admin/bench/reform.sh). Index and sequential scans answer the same.
ALTER FUNCTION reorg_count(bigint[]) SET enable_bitmapscan = off;
