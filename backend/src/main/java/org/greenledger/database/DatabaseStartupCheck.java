package org.greenledger.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Opens one connection before anything else uses the pool, so that a wrong URL, an
 * unreachable server or a wrong password stops start-up within seconds with one clear
 * message, and says in the log which database GreenLedger is using.
 */
class DatabaseStartupCheck implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(DatabaseStartupCheck.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource) {
			check(dataSource);
		}
		return bean;
	}

	private void check(HikariDataSource dataSource) {
		Properties properties = new Properties();
		if (dataSource.getUsername() != null) {
			properties.setProperty("user", dataSource.getUsername());
		}
		if (dataSource.getPassword() != null) {
			properties.setProperty("password", dataSource.getPassword());
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("loginTimeout", "10");
		String url = withoutQuery(dataSource.getJdbcUrl());
		try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), properties)) {
			String version = connection.getMetaData().getDatabaseProductVersion();
			boolean embedded = EmbeddedPostgresConfiguration.POOL_NAME.equals(dataSource.getPoolName());
			log.info("Database: {} PostgreSQL {} at {} (user {})", embedded ? "embedded" : "external", version, url,
					dataSource.getUsername());
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException(url, ex);
		}
	}

	/** The URL without its query, which may carry credentials. */
	static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

}
