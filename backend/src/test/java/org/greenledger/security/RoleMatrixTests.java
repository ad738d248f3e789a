package org.greenledger.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.greenledger.HttpTestClient;
import org.greenledger.IntegrationTest;
import org.greenledger.demo.DemoStates;
import org.greenledger.security.RoleMatrix.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the written role matrix (docs/security.md) over every endpoint the application
 * maps, as every role and anonymously, over real HTTP: the portal through a signed-in
 * session with CSRF tokens, the API and the actuator with HTTP Basic. An endpoint without
 * a row fails the test, so a new endpoint cannot go unnoticed.
 */
@IntegrationTest
class RoleMatrixTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

	/** Requests no controller mapping lists: static files, the actuator. */
	private static final List<Call> FIXED = List.of(new Call("GET", "/css/greenledger.css"),
			new Call("GET", "/js/table-chart.js"), new Call("GET", "/images/favicon.svg"),
			new Call("GET", "/webjars/chart.js/dist/chart.umd.min.js"), new Call("GET", "/swagger-ui/index.html"),
			new Call("GET", "/favicon.ico"), new Call("GET", "/actuator/health"),
			new Call("GET", "/actuator/health/liveness"), new Call("GET", "/actuator/info"),
			new Call("GET", "/actuator/prometheus"));

	private static final String PASSWORD = "role matrix password";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserAccounts accounts;

	/**
	 * The administrator's walk loads the demo organisation (a POST without a body): it is
	 * removed again, so that its figures do not reach the tests that run after this one.
	 */
	@AfterEach
	void removeTheDemoTheWalkLoaded() throws InterruptedException {
		DemoStates.removeWhenPresent(new HttpTestClient(this.port));
	}

	@Test
	void everyMappedEndpointHasARowInTheWrittenMatrix() {
		RoleMatrix matrix = RoleMatrix.read(RoleMatrix.securityDoc());
		List<String> missing = calls().stream()
			.filter(call -> matrix.rowFor(call.method(), call.path()).isEmpty())
			.map(call -> call.method() + " " + call.pattern())
			.toList();
		assertThat(missing).as("endpoints without a row in the role matrix of docs/security.md").isEmpty();
	}

	@Test
	void everyEndpointTheMatrixNamesExists() {
		RoleMatrix matrix = RoleMatrix.read(RoleMatrix.securityDoc());
		List<Call> calls = calls();
		List<String> stale = matrix.rows()
			.stream()
			.flatMap(row -> row.endpoints().stream())
			.filter(endpoint -> calls.stream().noneMatch(call -> endpoint.matches(call.method(), call.path())))
			.map(Object::toString)
			.toList();
		assertThat(stale).as("role matrix entries that match no endpoint").isEmpty();
	}

	@Test
	void everyEndpointAnswersEachRoleAsTheWrittenMatrixSays() throws Exception {
		RoleMatrix matrix = RoleMatrix.read(RoleMatrix.securityDoc());
		List<Call> calls = calls();
		// the callers walk side by side, each with its own session
		List<Future<List<String>>> walks = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(RoleMatrix.CALLERS.size())) {
			callers().forEach((name, caller) -> walks.add(executor.submit(() -> walk(matrix, calls, name, caller))));
			List<String> wrong = new ArrayList<>();
			for (Future<List<String>> walk : walks) {
				wrong.addAll(walk.get());
			}
			assertThat(wrong).as("answers that disagree with the role matrix of docs/security.md").isEmpty();
		}
	}

	private static List<String> walk(RoleMatrix matrix, List<Call> calls, String name, Caller caller) {
		List<String> wrong = new ArrayList<>();
		for (Call call : calls) {
			Optional<RoleMatrix.Row> row = matrix.rowFor(call.method(), call.path());
			if (row.isEmpty()) {
				continue; // reported by the test above
			}
			HttpResponse<String> response = caller.send(call);
			Outcome expected = row.get().outcome(name);
			Outcome actual = outcome(response);
			if (actual != expected) {
				wrong.add("%s %s as %s: expected %s (row %s), got %d %s".formatted(call.method(), call.path(), name,
						expected, row.get().endpoints(), response.statusCode(),
						response.headers().firstValue("Location").orElse("")));
			}
			else if (response.statusCode() >= 500 && !call.pattern().startsWith("/error")) {
				// (the error page requested directly has no error to show: 500)
				wrong.add("%s %s as %s: server error %d".formatted(call.method(), call.path(), name,
						response.statusCode()));
			}
		}
		return wrong;
	}

	private static Outcome outcome(HttpResponse<String> response) {
		return switch (response.statusCode()) {
			case 401 -> Outcome.UNAUTHORIZED;
			case 403 -> Outcome.FORBIDDEN;
			case 302 -> response.headers()
				.firstValue("Location")
				.filter(location -> location.endsWith("/login"))
				.map(location -> Outcome.LOGIN)
				.orElse(Outcome.ALLOWED);
			default -> Outcome.ALLOWED;
		};
	}

	/** Every pattern and method of every handler method, plus the fixed requests. */
	private List<Call> calls() {
		Set<Call> calls = new LinkedHashSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<String> names = methods.isEmpty() ? List.of("GET", "POST")
					: methods.stream().map(RequestMethod::name).sorted().toList();
			for (String pattern : info.getPatternValues()) {
				for (String method : names) {
					calls.add(new Call(method, pattern));
				}
			}
		}
		calls.addAll(FIXED);
		return List.copyOf(calls);
	}

	/**
	 * A signed-in portal session and Basic credentials per role, and an anonymous caller.
	 */
	private Map<String, Caller> callers() {
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Caller> callers = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			String name = "matrix-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + nonce;
			this.accounts.create(name, PASSWORD, Set.of(role));
			HttpTestClient portal = new HttpTestClient(this.port);
			portal.signIn(name, PASSWORD);
			callers.put(role.name(), new Caller(portal, portal.csrfToken("/login"),
					HttpTestClient.basic(name, PASSWORD), new HttpTestClient(this.port), this.port));
		}
		HttpTestClient anonymous = new HttpTestClient(this.port);
		callers.put("anonymous", new Caller(anonymous, anonymous.csrfToken("/login"), new String[0],
				new HttpTestClient(this.port), this.port));
		return callers;
	}

	/**
	 * A request: a method and a mapped pattern, whose variables get placeholder values.
	 */
	record Call(String method, String pattern) {

		private static final UUID PLACEHOLDER = UUID.randomUUID();

		String path() {
			Matcher variable = VARIABLE.matcher(this.pattern);
			StringBuilder path = new StringBuilder();
			while (variable.find()) {
				String value = "version".equals(variable.group(1)) ? "1" : PLACEHOLDER.toString();
				variable.appendReplacement(path, value);
			}
			variable.appendTail(path);
			return path.toString();
		}

	}

	/**
	 * One role's ways in: its portal session (with its CSRF token) and its Basic
	 * credentials for the stateless API and actuator.
	 */
	record Caller(HttpTestClient portal, String csrfToken, String[] basic, HttpTestClient api, int port) {

		HttpResponse<String> send(Call call) {
			String path = call.path();
			boolean stateless = path.startsWith("/api/") || path.startsWith("/actuator/");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
			if (stateless && this.basic.length > 0) {
				request.headers(this.basic);
			}
			if ("GET".equals(call.method())) {
				request.GET();
			}
			else if (stateless) {
				request.header("Content-Type", "application/json")
					.method(call.method(), HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.method(call.method(), HttpRequest.BodyPublishers.ofString("_csrf="
							+ java.net.URLEncoder.encode(this.csrfToken, java.nio.charset.StandardCharsets.UTF_8)));
			}
			return (stateless ? this.api : this.portal).send(request.build());
		}

	}

}
