package org.greenledger.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A GreenLedger node in its own JVM process (the application's main class on the test's
 * own class path, without the test classes), on loopback at a free port, so that a test
 * can kill it with SIGKILL ({@link #kill()}).
 */
final class ClusterNode implements AutoCloseable {

	private final String id;

	private final int port;

	private final Process process;

	private final Path log;

	private ClusterNode(String id, int port, Process process, Path log) {
		this.id = id;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a node with the given settings (Spring properties) and waits until it
	 * answers.
	 */
	static ClusterNode start(String id, Path directory, Map<String, String> settings, Duration timeout)
			throws IOException, InterruptedException {
		ClusterNode node = launch(id, directory, settings);
		node.awaitReady(timeout);
		return node;
	}

	/** Starts a node's process; {@link #awaitReady} waits until it answers. */
	static ClusterNode launch(String id, Path directory, Map<String, String> settings) throws IOException {
		int port = freePort();
		Files.createDirectories(directory);
		Path log = directory.resolve("console.log");
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", applicationClassPath()));
		command.add("org.greenledger.GreenLedgerApplication");
		command.add("--server.port=" + port);
		command.add("--greenledger.node-id=" + id);
		command.add("--greenledger.data-dir=" + directory.toAbsolutePath());
		command.add("--logging.file.name=" + directory.resolve("greenledger.log").toAbsolutePath());
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ClusterNode(id, port, process, log);
	}

	String id() {
		return this.id;
	}

	int port() {
		return this.port;
	}

	boolean alive() {
		return this.process.isAlive();
	}

	/** SIGKILL: the JVM ends at once, without any shutdown hook or graceful stop. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** The node's console output, for a failure's message. */
	String console() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no console output: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

	void awaitReady(Duration timeout) throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new AssertionError("Node " + this.id + " stopped while starting:\n" + console());
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Node " + this.id + " did not start within " + timeout + ":\n" + console());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The test JVM's class path (read through Surefire's manifest-only jar when it uses
	 * one) without the test classes: the application as it runs from the build.
	 */
	static String applicationClassPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.addAll(manifestClassPath(entry));
		}
		return String.join(File.pathSeparator,
				entries.stream().filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes")).toList());
	}

	private static List<String> manifestClassPath(String entry) {
		if (!entry.endsWith(".jar") || !Path.of(entry).getFileName().toString().startsWith("surefire")) {
			return List.of(stripSlash(entry));
		}
		try (JarFile jar = new JarFile(entry)) {
			Manifest manifest = jar.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath == null) {
				return List.of(entry);
			}
			return Arrays.stream(classPath.trim().split("\\s+"))
				.map(url -> stripSlash(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String stripSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
