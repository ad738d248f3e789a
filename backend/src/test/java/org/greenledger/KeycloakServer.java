package org.greenledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;

import org.greenledger.system.Sha256;

/**
 * The test suite's one real Keycloak server: the distribution Maven unpacked to
 * {@code target/keycloak} ({@code org.keycloak:keycloak-quarkus-dist}), started on first
 * use with {@code kc.sh start-dev} on a free loopback port, importing the realm of
 * {@code docker/keycloak/}, and stopped by its process id when the JVM exits.
 * <p>
 * It is started like the docker compose one: tokens and browser URLs name the issuer
 * {@link #issuer()} ({@code 127.0.0.1}), while back-channel URLs follow the host a
 * request used, so that the application reads the configuration from
 * {@link #internalIssuer()} ({@code localhost}) and still validates the public issuer.
 * Its data directory stays in {@code target/} between runs (a later start takes ~10 s
 * instead of ~30-60 s) and is wiped when the realm file or the version changes.
 */
public final class KeycloakServer {

	public static final String REALM = "greenledger";

	/** The master realm's administrator of this test server only (loopback). */
	private static final String ADMIN = "admin";

	private static final String ADMIN_PASSWORD = "test-keycloak-admin";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static KeycloakServer instance;

	private final int port;

	private final Duration startTime;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private KeycloakServer(int port, Duration startTime) {
		this.port = port;
		this.startTime = startTime;
	}

	public static synchronized KeycloakServer get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	/** The realm's issuer as tokens and browsers name it. */
	public String issuer() {
		return "http://127.0.0.1:" + this.port + "/realms/" + REALM;
	}

	/**
	 * The same realm as the application reaches it (another host name, like in compose).
	 */
	public String internalIssuer() {
		return "http://localhost:" + this.port + "/realms/" + REALM;
	}

	public Duration startTime() {
		return this.startTime;
	}

	/** An access token by the password grant of the realm's CLI client. */
	public String passwordGrant(String username, String password) {
		return token(Map.of("grant_type", "password", "client_id", "greenledger-cli", "username", username, "password",
				password));
	}

	/** An access token by the client-credentials grant. */
	public String clientCredentials(String clientId, String secret) {
		return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	/** A token request's response, whatever its status. */
	public HttpResponse<String> tokenRequest(String realm, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(realmUrl(realm) + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build());
	}

	/**
	 * A call to Keycloak's admin REST API ({@code /admin/realms/greenledger/...}) as the
	 * master realm's administrator; for tests that need a client the realm file does not
	 * have.
	 */
	public HttpResponse<String> admin(String method, String path, String json) {
		String token = masterAdminToken();
		return send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/admin/realms/" + REALM + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** A token of the master realm's administrator: another issuer than the realm's. */
	public String masterAdminToken() {
		return JsonPath.read(tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
				"username", ADMIN, "password", ADMIN_PASSWORD))
			.body(), "$.access_token");
	}

	private String token(Map<String, String> form) {
		HttpResponse<String> response = tokenRequest(REALM, form);
		if (response.statusCode() != 200) {
			throw new AssertionError("Keycloak refused the token request: " + response.body());
		}
		return JsonPath.read(response.body(), "$.access_token");
	}

	private String realmUrl(String realm) {
		return "http://localhost:" + this.port + "/realms/" + realm;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static KeycloakServer start() {
		Path home = home();
		Path run = Path.of("target", "keycloak-run").toAbsolutePath();
		Path realm = Path.of("..", "docker", "keycloak", REALM + "-realm.json").toAbsolutePath().normalize();
		if (!Files.isRegularFile(realm)) {
			throw new IllegalStateException("The realm file " + realm + " is missing.");
		}
		try {
			Files.createDirectories(run);
			stopLeftover(run.resolve("keycloak.pid"), home);
			prepareData(home, realm);
			int port = freePort();
			List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
					"--hostname=http://127.0.0.1:" + port, "--hostname-backchannel-dynamic=true"));
			ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(run.resolve("keycloak.log").toFile());
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			builder.environment().remove("JAVA_OPTS");
			// C1 only: a server that lives for one test run starts faster without C2's
			// compile work
			builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
			long started = System.nanoTime();
			Process process = builder.start();
			Files.writeString(run.resolve("keycloak.pid"), Long.toString(process.pid()));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
			awaitRealm(process,
					URI.create("http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration"),
					run.resolve("keycloak.log"));
			Duration startTime = Duration.ofNanos(System.nanoTime() - started);
			Files.writeString(home.resolve("data").resolve("realm.sha256"), fingerprint(home, realm));
			System.out.printf("Keycloak %s started in %.1f s on port %d (log: %s)%n", home.getFileName(),
					startTime.toMillis() / 1000.0, port, run.resolve("keycloak.log"));
			return new KeycloakServer(port, startTime);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start Keycloak from " + home, ex);
		}
	}

	private static void awaitRealm(Process process, URI configuration, Path log) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"Keycloak exited with " + process.exitValue() + " while starting:\n" + tail(log));
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(configuration).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(250));
		}
		stop(process);
		throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + ":\n" + tail(log));
	}

	/**
	 * Keeps the data of an earlier run when it was made from the same realm file and
	 * Keycloak; otherwise starts from an empty data directory that imports the realm.
	 */
	private static void prepareData(Path home, Path realm) throws IOException {
		Path data = home.resolve("data");
		Path marker = data.resolve("realm.sha256");
		String fingerprint = fingerprint(home, realm);
		if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(fingerprint)) {
			TestDatabase.deleteRecursively(data);
		}
		Files.createDirectories(data.resolve("import"));
		Files.copy(realm, data.resolve("import").resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
	}

	private static String fingerprint(Path home, Path realm) throws IOException {
		return home.getFileName() + " " + Sha256.hex(Files.readAllBytes(realm));
	}

	private static Path home() {
		String configured = System.getProperty("keycloak.home");
		Optional<Path> home = Optional.ofNullable(configured).map(Path::of);
		if (home.isEmpty()) {
			try (Stream<Path> unpacked = Files.list(Path.of("target", "keycloak"))) {
				home = unpacked.filter(path -> path.getFileName().toString().startsWith("keycloak-")).findFirst();
			}
			catch (IOException ex) {
				home = Optional.empty();
			}
		}
		return home.filter(path -> Files.isRegularFile(path.resolve("bin/kc.sh")))
			.map(Path::toAbsolutePath)
			.orElseThrow(() -> new IllegalStateException(
					"No Keycloak distribution in " + ((configured != null) ? configured : "target/keycloak")
							+ ": run the tests through Maven once (./mvnw -pl backend -am test), which downloads "
							+ "org.keycloak:keycloak-quarkus-dist and unpacks it there."));
	}

	/** A Keycloak of an earlier run whose JVM was killed before it could stop it. */
	private static void stopLeftover(Path pidFile, Path home) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		String pid = Files.readString(pidFile).strip();
		Files.delete(pidFile);
		ProcessHandle.of(Long.parseLong(pid))
			.filter(process -> process.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
			.ifPresent(KeycloakServer::stopTree);
	}

	private static void stop(Process process) {
		stopTree(process.toHandle());
	}

	private static void stopTree(ProcessHandle process) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process);
		tree.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(100));
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
