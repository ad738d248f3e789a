package org.greenledger.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static DatabaseStartupCheck databaseStartupCheck() {
		return new DatabaseStartupCheck();
	}

}
