package org.greenledger.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.hadoop.conf.Configuration;

/**
 * An S3-compatible server on loopback for the tests: S3Proxy (Apache-2.0, from Maven
 * Central; its self-contained jar is copied to {@code target/s3proxy} by the build, as
 * for the application's S3 tests) in its own process, with its in-memory store and AWS
 * signature checks.
 */
final class S3ProxyServer implements AutoCloseable {

	static final String ACCESS_KEY = "greenledger-test";

	static final String SECRET_KEY = "greenledger-test-secret";

	private final Process process;

	private final int port;

	private S3ProxyServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
		String jar = System.getProperty("greenledger.test.s3proxy", "target/s3proxy/s3proxy.jar");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.createDirectories(directory);
		Path properties = directory.resolve("s3proxy.properties");
		Files.write(properties,
				List.of("s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
						"s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
						"jclouds.provider=transient", "jclouds.identity=" + ACCESS_KEY,
						"jclouds.credential=" + SECRET_KEY));
		Path log = directory.resolve("s3proxy.log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", jar, "--properties", properties.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		S3ProxyServer server = new S3ProxyServer(process, port);
		server.awaitListening(Duration.ofSeconds(60), log);
		return server;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The settings of Hadoop's S3A file system for one bucket of this server, as a user
	 * gives them for any S3-compatible store: endpoint, path-style access, credentials.
	 */
	void configure(Configuration hadoop, String bucket) {
		String prefix = "fs.s3a.bucket." + bucket + ".";
		hadoop.set(prefix + "endpoint", endpoint());
		hadoop.set(prefix + "endpoint.region", "us-east-1");
		hadoop.set(prefix + "path.style.access", "true");
		hadoop.set(prefix + "connection.ssl.enabled", "false");
		hadoop.set(prefix + "access.key", ACCESS_KEY);
		hadoop.set(prefix + "secret.key", SECRET_KEY);
		hadoop.set(prefix + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
	}

	private void awaitListening(Duration timeout, Path log) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Proxy stopped: " + Files.readString(log));
			}
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("S3Proxy did not listen within " + timeout + ": " + Files.readString(log));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

}
