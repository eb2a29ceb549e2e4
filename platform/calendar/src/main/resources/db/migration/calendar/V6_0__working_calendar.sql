-- The province's working-day calendar. Not tenant data: one calendar for the whole deployment (the province),
-- read by every unit and by visitors (appointment dates), changed only by the province's administrators (the API
-- checks that right). A year appears here once the province has confirmed its days; until then deadlines use the
-- statutory proposal computed by the application (the Labour Code's holidays, Tết from the lunar calendar).
CREATE TABLE calendar_year (
    year          integer      PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    confirmed_by  varchar(64)  NOT NULL,
    confirmed_at  timestamptz  NOT NULL DEFAULT now(),
    note          varchar(500)
);

CREATE TABLE calendar_day (
    day   date         PRIMARY KEY,
    year  integer      NOT NULL REFERENCES calendar_year (year) ON DELETE CASCADE,
    kind  varchar(12)  NOT NULL CHECK (kind IN ('day_off', 'working_day')),
    name  varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    CHECK (extract(year FROM day) = year),
    -- a working day given by the calendar is a Saturday or a Sunday made one (Monday to Friday already are)
    CHECK (kind <> 'working_day' OR extract(isodow FROM day) IN (6, 7))
);
CREATE INDEX calendar_day_year ON calendar_day (year);

GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_year, calendar_day TO ${app_role};
