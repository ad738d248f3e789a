package org.greenledger;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application context at the suite's one {@link TestDatabase}. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase database = TestDatabase.get();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase",
					Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username",
							database.username(), "spring.datasource.password", database.password())));
	}

}
