-- Joined to public services: an official document drafted as the result of a dossier (a licence, a decision) names
-- the dossier; once issued (signed, numbered, sealed), its signed PDF is returned to the applicant as the dossier's result.
ALTER TABLE document ADD COLUMN dossier_code varchar(40);
CREATE INDEX document_dossier ON document (tenant_id, dossier_code) WHERE dossier_code IS NOT NULL;
ALTER TABLE document_event DROP CONSTRAINT document_event_action_check;
ALTER TABLE document_event ADD CONSTRAINT document_event_action_check CHECK (action IN ('drafted', 'submitted', 'returned', 'signed', 'issued',
    'sent', 'recalled', 'registered', 'directed', 'note', 'done', 'file', 'result'));
