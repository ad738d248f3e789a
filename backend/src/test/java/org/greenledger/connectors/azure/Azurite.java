package org.greenledger.connectors.azure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Azurite, Microsoft's Azure Storage emulator (the npm package the build installs into
 * {@code target/azurite}, see docs/development.md), its blob service alone, started with
 * the machine's {@code node} on a free loopback port, in memory, and stopped by its own
 * process. Tests are skipped, with the reason, when Azurite or node is not installed.
 */
final class Azurite implements AutoCloseable {

	/**
	 * Azurite's well-known development account (documented by Microsoft; not a secret).
	 */
	static final String ACCOUNT = "devstoreaccount1";

	static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

	private static final Pattern LISTENS = Pattern.compile("listens on http://127\\.0\\.0\\.1:(\\d+)");

	private final Process process;

	private final int port;

	private final Path location;

	private Azurite(Process process, int port, Path location) {
		this.process = process;
		this.port = port;
		this.location = location;
	}

	static Azurite start() throws IOException, InterruptedException {
		Path main = Path.of(System.getProperty("greenledger.test.azurite",
				"target/azurite/node_modules/azurite/dist/src/blob/main.js"));
		Assumptions.assumeTrue(Files.isRegularFile(main), "Azurite test skipped: " + main
				+ " is not installed (the build installs the npm package azurite with npm when /usr/bin/npm exists;"
				+ " .ci/run installs nodejs and npm)");
		Path location = Files.createTempDirectory("greenledger-azurite");
		ProcessBuilder builder = new ProcessBuilder("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort",
				"0", "--inMemoryPersistence", "--extentMemoryLimit", "256", "--skipApiVersionCheck", "--loose",
				"--disableTelemetry")
			.directory(location.toFile())
			.redirectErrorStream(true);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			Assumptions.abort("Azurite test skipped: node could not be started (" + ex.getMessage() + ")");
			throw ex;
		}
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Integer> port = new CompletableFuture<>();
		StringBuilder log = new StringBuilder();
		Thread reader = new Thread(() -> {
			try {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					synchronized (log) {
						log.append(line).append('\n');
					}
					Matcher listens = LISTENS.matcher(line);
					if (listens.find()) {
						port.complete(Integer.parseInt(listens.group(1)));
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			port.complete(-1);
		}, "azurite-output");
		reader.setDaemon(true);
		reader.start();
		Azurite azurite;
		try {
			int listening = port.get(60, TimeUnit.SECONDS);
			if (listening < 0) {
				throw new IllegalStateException("Azurite stopped before listening:\n" + log);
			}
			azurite = new Azurite(process, listening, location);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("Azurite did not start in 60 s:\n" + log, ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("Azurite did not start:\n" + log, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(azurite::close));
		return azurite;
	}

	/** The blob service URL (path style, with the account). */
	String endpoint() {
		return "http://127.0.0.1:" + this.port + "/" + ACCOUNT;
	}

	Map<String, String> settings(String container, String prefix) {
		return Map.of(AzureBlobSettings.ENDPOINT, endpoint(), AzureBlobSettings.ACCOUNT_NAME, ACCOUNT,
				AzureBlobSettings.CONTAINER, container, AzureBlobSettings.PREFIX, prefix);
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try (var files = Files.walk(this.location)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

}
