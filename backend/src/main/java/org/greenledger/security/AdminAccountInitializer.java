package org.greenledger.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.RandomSecrets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start in local mode (no user {@code admin} yet) creates {@code admin} with
 * the role ADMIN and the password from {@code GREENLEDGER_ADMIN_PASSWORD}, or a generated
 * one printed once to the log. In OIDC mode nobody signs in with a local password, so no
 * account is created.
 */
@Component
class AdminAccountInitializer implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);

	private final UserAccounts accounts;

	private final SecurityProperties properties;

	AdminAccountInitializer(UserAccounts accounts, SecurityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.oidc().enabled() || this.accounts.exists(ADMIN)) {
			return;
		}
		String configured = this.properties.adminPassword();
		boolean generated = !StringUtils.hasText(configured);
		String password = generated ? RandomSecrets.generate(20) : configured;
		try {
			this.accounts.create(ADMIN, password, Set.of(Role.ADMIN));
		}
		catch (UserAlreadyExistsException ex) {
			return; // another node created it a moment ago
		}
		if (generated) {
			log.warn("Created user '{}' with a generated password, printed once to the console (not to the log file)",
					ADMIN);
			// Deliberately not through the logger: the log file outlives this start and
			// is readable by others.
			System.out.println("Created user '" + ADMIN + "' with the generated password: " + password
					+ "  (shown only this once; change it after signing in, or set GREENLEDGER_ADMIN_PASSWORD"
					+ " before the first start)");
		}
		else {
			log.info("Created user '{}' with the password from GREENLEDGER_ADMIN_PASSWORD", ADMIN);
		}
	}

}
