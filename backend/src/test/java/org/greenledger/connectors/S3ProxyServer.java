package org.greenledger.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A real S3-compatible server for the connector tests: S3Proxy (Apache-2.0, from Maven
 * Central as one executable jar, copied to {@code target/s3proxy/s3proxy.jar} by the
 * build) with its filesystem storage in a temporary folder, started once per test JVM on
 * a free loopback port with this JVM's java, and stopped by its own process at exit.
 */
final class S3ProxyServer {

	static final String ACCESS_KEY = "greenledger-test-access";

	static final String SECRET_KEY = "greenledger-test-secret-" + Long.toHexString(System.nanoTime());

	private static S3ProxyServer server;

	private final Process process;

	private final int port;

	private final Path log;

	private S3ProxyServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** The running server (started on first use). */
	static synchronized S3ProxyServer get() {
		if (server == null) {
			server = start();
		}
		return server;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	/** A client of the server (for the tests to create buckets and upload). */
	S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(endpoint()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	static void put(S3Client client, String bucket, String key, byte[] content) {
		client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
	}

	private static S3ProxyServer start() {
		String jar = System.getProperty("greenledger.test.s3proxy", "target/s3proxy/s3proxy.jar");
		assumeThat(Files.isRegularFile(Path.of(jar)))
			.as("S3Proxy jar %s (copied by the build in process-test-resources: run the tests through Maven)", jar)
			.isTrue();
		try {
			Path home = Files.createTempDirectory("greenledger-s3proxy");
			Files.createDirectories(home.resolve("data"));
			int port = freePort();
			Path properties = home.resolve("s3proxy.properties");
			Files.writeString(properties,
					String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
							"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + home.resolve("data"), ""));
			Path log = home.resolve("s3proxy.log");
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(
					List.of(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			S3ProxyServer started = new S3ProxyServer(process, port, log);
			started.awaitListening();
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening() throws IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"S3Proxy exited with " + this.process.exitValue() + ": " + Files.readString(this.log));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep();
			}
		}
		this.process.destroy();
		throw new IllegalStateException("S3Proxy did not listen within 60 s: " + Files.readString(this.log));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
