package org.greenledger.security;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountInitializerTests {

	static final SecurityProperties.Oidc LOCAL_MODE = oidc(null);

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserAccountRepository repository;

	@Test
	void theFirstStartCreatedAdminWithTheConfiguredPassword() {
		UserAccount admin = this.accounts.find("admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
	}

	@Test
	void inOidcModeNoLocalAdminIsCreated(CapturedOutput output) {
		UserAccount admin = this.accounts.find("admin").orElseThrow();
		this.repository.delete(admin);
		try {
			new AdminAccountInitializer(this.accounts,
					new SecurityProperties(null, oidc("https://sso.example.com/realms/greenledger")))
				.run(new DefaultApplicationArguments());
			assertThat(this.accounts.exists("admin")).isFalse();
			assertThat(output.getOut()).doesNotContain("generated password");
		}
		finally {
			this.accounts.create("admin", IntegrationTest.ADMIN_PASSWORD, java.util.Set.of(Role.ADMIN));
		}
	}

	@Test
	void withoutAConfiguredPasswordOneIsGeneratedAndPrintedOnce(CapturedOutput output) {
		UserAccount admin = this.accounts.find("admin").orElseThrow();
		this.repository.delete(admin);
		try {
			AdminAccountInitializer initializer = new AdminAccountInitializer(this.accounts,
					new SecurityProperties(null, LOCAL_MODE));
			initializer.run(new DefaultApplicationArguments());
			Matcher matcher = Pattern.compile("generated password: (\\S+)").matcher(output.getOut());
			assertThat(matcher.find()).isTrue();
			String generated = matcher.group(1);
			assertThat(generated).hasSize(20);

			initializer.run(new DefaultApplicationArguments());
			assertThat(Pattern.compile("generated password: ").matcher(output.getOut()).results().count()).isOne();
			assertThat(output.getOut().lines().filter(line -> line.contains(generated))).hasSize(1)
				.allSatisfy(line -> assertThat(line).startsWith("Created user 'admin'"));

			assertThat(this.accounts.changePassword("admin", generated, IntegrationTest.ADMIN_PASSWORD)).isTrue();
		}
		finally {
			if (this.accounts.find("admin").isEmpty()) {
				this.accounts.create("admin", IntegrationTest.ADMIN_PASSWORD, java.util.Set.of(Role.ADMIN));
			}
		}
	}

	private static SecurityProperties.Oidc oidc(String issuer) {
		return new SecurityProperties.Oidc(issuer, null, "greenledger-portal", "secret", "greenledger", "Keycloak",
				Duration.ofSeconds(60), Duration.ofSeconds(10));
	}

}
