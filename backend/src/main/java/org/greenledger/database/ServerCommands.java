package org.greenledger.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.security.auth.module.UnixSystem;

/**
 * Runs PostgreSQL's programs. PostgreSQL refuses to run as root, so when GreenLedger runs
 * as root (as in containers and CI) the programs run in a user namespace in which the
 * process has an ordinary user id that maps back to root outside: files stay owned by the
 * caller.
 */
final class ServerCommands {

	private static final String UNSHARE = "/usr/bin/unshare";

	private static final String ROOT_HINT = ". GreenLedger runs as root, so PostgreSQL runs in a user namespace"
			+ " (unshare from util-linux >= 2.38, unprivileged user namespaces allowed); where that is not possible,"
			+ " run GreenLedger as an ordinary user or set SPRING_DATASOURCE_URL";

	private final PostgresBinaries binaries;

	private final boolean root;

	ServerCommands(PostgresBinaries binaries) {
		this.binaries = binaries;
		this.root = isRoot();
	}

	ProcessBuilder builder(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.root) {
			if (!Files.isExecutable(Path.of(UNSHARE))) {
				throw new EmbeddedPostgresException("PostgreSQL cannot run as root and " + UNSHARE
						+ " (util-linux) is missing, so it cannot run in a user namespace. Run GreenLedger as an"
						+ " ordinary user, or set SPRING_DATASOURCE_URL to use an external PostgreSQL server.");
			}
			command.addAll(List.of(UNSHARE, "--user", "--map-user=1000", "--map-group=1000"));
		}
		command.add(this.binaries.bin(program).toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("LC_ALL", "C");
		return builder;
	}

	/**
	 * Runs a program to completion; a non-zero exit becomes an exception with its output.
	 */
	void run(Duration timeout, Path log, String program, String... arguments) {
		ProcessBuilder builder = builder(program, arguments).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		try {
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new EmbeddedPostgresException(program + " did not finish within " + timeout + "; see " + log);
			}
			if (process.exitValue() != 0) {
				throw new EmbeddedPostgresException(program + " failed (exit " + process.exitValue() + "): "
						+ lastLines(log) + " (full output in " + log + ")" + (this.root ? ROOT_HINT : ""));
			}
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not run " + program + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedPostgresException("Interrupted while running " + program, ex);
		}
	}

	static String lastLines(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
		}
		catch (IOException ex) {
			return "(no output)";
		}
	}

	private static boolean isRoot() {
		try {
			return new UnixSystem().getUid() == 0;
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
