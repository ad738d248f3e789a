package org.greenledger.ingestion;

import java.io.IOException;
import java.nio.file.Path;

import software.amazon.awssdk.services.s3.S3Client;

import org.greenledger.core.testing.S3ProxyProcess;
import org.springframework.util.unit.DataSize;

/**
 * The tests' S3-compatible server ({@link S3ProxyProcess}) with the settings and client
 * GreenLedger's S3 file store makes for it.
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

	/** A client as GreenLedger's file store makes it, for this server. */
	S3Client client() {
		return FileStoreConfiguration.client(settings());
	}

	FileStoreProperties.S3 settings() {
		return new FileStoreProperties.S3(endpoint(), "us-east-1", true, ACCESS_KEY, SECRET_KEY,
				DataSize.ofMegabytes(5));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

}
