package org.greenledger.connectors.prometheus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, installed by .ci/run) on
 * a free loopback port, with a temporary configuration and data directory, scraping one
 * target every second; stopped by its own process. Tests are skipped, with the reason,
 * when the binary is not installed.
 */
final class PrometheusServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path directory;

	private PrometheusServer(Process process, int port, Path directory) {
		this.process = process;
		this.port = port;
		this.directory = directory;
	}

	static final String USER = "greenledger";

	static final String PASSWORD = "pull-" + java.util.UUID.randomUUID();

	static PrometheusServer start(int targetPort) throws IOException, InterruptedException {
		Path binary = Path.of(System.getProperty("greenledger.test.prometheus", "/usr/bin/prometheus"));
		Assumptions.assumeTrue(Files.isExecutable(binary), "Prometheus test skipped: " + binary
				+ " is not installed (apt-get install prometheus; .ci/run installs it)");
		Path directory = Files.createTempDirectory("greenledger-prometheus");
		Path config = directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  evaluation_interval: 1m
				scrape_configs:
				  - job_name: exporter
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(targetPort));
		Path web = directory.resolve("web.yml");
		Files.writeString(web, "basic_auth_users:\n  " + USER + ": "
				+ new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD) + "\n");
		int port = freePort();
		Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--web.config.file=" + web,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, port, directory);
		Runtime.getRuntime().addShutdownHook(new Thread(server::close));
		server.awaitReady();
		return server;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitReady() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plusSeconds(60);
		String last = "none";
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Prometheus stopped: " + log());
			}
			try {
				HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return;
				}
				last = "HTTP " + ready.statusCode() + " " + ready.body().strip();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(200);
		}
		String log = log();
		close();
		throw new IllegalStateException("Prometheus was not ready in 60 s (last answer: " + last + "): " + log);
	}

	private String log() throws IOException {
		return Files.readString(this.directory.resolve("prometheus.log"));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

}
