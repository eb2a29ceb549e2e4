package vn.egov.provisioning;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A PostgreSQL server and the administrative login used to create roles and databases on it. */
public record PgServer(String host, int port, String adminUser, String adminPassword, String origin) {

    public String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection admin(String database) throws SQLException {
        return connect(database, adminUser, adminPassword);
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("ApplicationName", "egov-provisioning");
        return DriverManager.getConnection(url(database), p);
    }
}
