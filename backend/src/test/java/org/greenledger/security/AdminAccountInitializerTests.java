package org.greenledger.security;

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
	void withoutAConfiguredPasswordOneIsGeneratedAndPrintedOnce(CapturedOutput output) {
		UserAccount admin = this.accounts.find("admin").orElseThrow();
		this.repository.delete(admin);
		try {
			AdminAccountInitializer initializer = new AdminAccountInitializer(this.accounts,
					new SecurityProperties(null));
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

}
