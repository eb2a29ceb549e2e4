-- The documents outbox also carries status packages (QCVN 102:2016) back to the senders of what came by edXML:
-- arrived (01), refused with the reason (02), accepted into the incoming register (03), through the national axis.
ALTER TABLE document_outbox DROP CONSTRAINT document_outbox_target_check;
ALTER TABLE document_outbox ADD CONSTRAINT document_outbox_target_check CHECK (target IN ('edxml-axis', 'edxml-status', 'email'));
