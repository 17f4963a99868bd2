package dev.hallpass.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection factory behind the container's pool ({@code java:app/jdbc/hallpass} in web.xml).
 * It reads {@code hallpass.db.url}, {@code .user} and {@code .password} from MicroProfile Config, so
 * the same WAR runs on embedded H2 or PostgreSQL by configuration alone; the container still pools
 * the connections and enlists them in JTA transactions.
 */
public class ConfiguredDataSource implements DataSource {

    static final String DEFAULT_URL = "jdbc:h2:file:./hallpass-data/hallpass";

    private final String url;
    private final Properties credentials = new Properties();
    private PrintWriter logWriter;
    private int loginTimeout;

    public ConfiguredDataSource() {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        url = config.getOptionalValue("hallpass.db.url", String.class).orElse(DEFAULT_URL);
        config.getOptionalValue("hallpass.db.user", String.class).ifPresent(user -> credentials.setProperty("user", user));
        config.getOptionalValue("hallpass.db.password", String.class)
                .ifPresent(password -> credentials.setProperty("password", password));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(credentials);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (user == null) {
            // WildFly's pool (IronJacamar) calls getConnection(null, null) when the definition names no user.
            return getConnection();
        }
        Properties given = new Properties();
        given.setProperty("user", user);
        if (password != null) {
            given.setProperty("password", password);
        }
        return connect(given);
    }

    private Connection connect(Properties properties) throws SQLException {
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("The JDBC driver refused the URL in hallpass.db.url");
        }
        return connection;
    }

    /** A driver from the WAR or the server that takes the URL, found without the global DriverManager state. */
    private Driver driver() throws SQLException {
        for (Driver candidate : ServiceLoader.load(Driver.class, ConfiguredDataSource.class.getClassLoader())) {
            if (candidate.acceptsURL(url)) {
                return candidate;
            }
        }
        return DriverManager.getDriver(url);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "ConfiguredDataSource[" + url.replaceAll("(?i)(password=)[^;&]*", "$1***") + "]";
    }
}
