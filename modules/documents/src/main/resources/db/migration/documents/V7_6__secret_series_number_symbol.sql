-- A secret document is numbered in a series of its own (Decree 30/2020), so "01/UBND-VP" may be both the first secret
-- and the first ordinary document of a year: number + symbol is unique per unit, year and series, not across series.
DROP INDEX document_outgoing_number_symbol;
CREATE UNIQUE INDEX document_outgoing_number_symbol ON document (tenant_id, year, series, number_symbol) WHERE register = 'outgoing';
