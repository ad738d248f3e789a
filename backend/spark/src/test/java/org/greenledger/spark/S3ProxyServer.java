package org.greenledger.spark;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;

import org.greenledger.core.testing.S3ProxyProcess;

/**
 * The tests' S3-compatible server ({@link S3ProxyProcess}, as for the application's S3
 * tests) with the settings Hadoop's S3A file system takes for it.
 */
final class S3ProxyServer implements AutoCloseable {

	static final String ACCESS_KEY = S3ProxyProcess.ACCESS_KEY;

	static final String SECRET_KEY = S3ProxyProcess.SECRET_KEY;

	private final S3ProxyProcess process;

	private S3ProxyServer(S3ProxyProcess process) {
		this.process = process;
	}

	static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
		return new S3ProxyServer(S3ProxyProcess.start(directory));
	}

	String endpoint() {
		return this.process.endpoint();
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

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
