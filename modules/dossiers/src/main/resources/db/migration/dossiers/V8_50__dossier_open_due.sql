-- The leaders' dashboard lists the dossiers overdue now, the longest overdue first, over a whole province: the open
-- dossiers (not finished, clock running) by due date, so that the list reads the few overdue ones in order instead of
-- every dossier of the province. Measured with modules/dossiers/bench/dashboard.sh.
CREATE INDEX dossier_open_due ON dossier (due_date, tenant_id) WHERE finished_at IS NULL AND paused_on IS NULL;
