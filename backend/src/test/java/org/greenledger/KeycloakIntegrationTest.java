package org.greenledger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application in OIDC mode against the suite's one real {@link KeycloakServer}
 * and the same PostgreSQL as {@link IntegrationTest}. OIDC mode is a different set of
 * beans, so this is the suite's second (and last) Spring context: every Keycloak test
 * class uses exactly this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = { TestDatabaseInitializer.class, KeycloakInitializer.class })
public @interface KeycloakIntegrationTest {

	/** The portal client's secret in the demo realm (docker/keycloak). */
	String PORTAL_CLIENT_SECRET = "demo-only-portal-secret";

	/** The machine client of the demo realm and its secret. */
	String API_CLIENT_ID = "greenledger-api";

	String API_CLIENT_SECRET = "demo-only-api-secret";

}
