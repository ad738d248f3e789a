package org.greenledger.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An S3-compatible server on loopback for the tests of the application and of the Spark
 * job: S3Proxy (Apache-2.0, from Maven Central; each module's build copies its
 * self-contained jar to {@code target/s3proxy} and names it in the system property
 * {@code greenledger.test.s3proxy}) in its own process, with its in-memory store and AWS
 * signature checks.
 */
public final class S3ProxyProcess implements AutoCloseable {

	public static final String ACCESS_KEY = "greenledger-test";

	public static final String SECRET_KEY = "greenledger-test-secret";

	private final Process process;

	private final int port;

	private S3ProxyProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts S3Proxy with its properties and log in {@code directory}, once it listens.
	 */
	public static S3ProxyProcess start(Path directory) throws IOException, InterruptedException {
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
		S3ProxyProcess server = new S3ProxyProcess(process, port);
		server.awaitListening(Duration.ofSeconds(60), log);
		return server;
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
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
