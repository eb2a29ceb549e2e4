package vn.egov.platform.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A module's part of a new unit, for the operator's tools that create units in the database without the server
 * (the CLI's {@code add-province}): the same rows the module's {@link UnitProvisioned} observer writes in the server,
 * written on a plain connection inside the tool's one transaction, under a scope that covers the new unit. Modules
 * list their implementation in {@code META-INF/services/vn.egov.platform.tenancy.UnitDefaults}; a module whose
 * defaults need the server says so in its observer instead.
 */
public interface UnitDefaults {
    void apply(Connection connection, UnitProvisioned unit) throws SQLException;
}
