-- A dossier's row is rewritten at every move (about five times in its life) and an outbox row when it is claimed.
-- With full pages no new version fits beside the old one, so every update also wrote a new entry into each of the
-- table's indexes (the dossier has seven, one of them GIN). Room left on each page lets most of these updates stay
-- on their page without touching an index (HOT updates). Applies to pages written from now on.
ALTER TABLE dossier SET (fillfactor = 75);
ALTER TABLE dossier_outbox SET (fillfactor = 80);
