package org.greenledger.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.greenledger.system.RandomSecrets;

/**
 * The embedded server's files below the data root: the PostgreSQL data directory, its
 * password file (owner-only), logs and the lock file; and what is done to them before the
 * server starts (initdb on first start, the major-version check, stopping a server
 * orphaned by a killed process).
 *
 * @param root the data root
 */
record DataDirectory(Path root) {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	Path pgdata() {
		return this.root.resolve("postgres");
	}

	Path passwordFile() {
		return this.root.resolve("postgres.password");
	}

	Path lockFile() {
		return this.root.resolve("greenledger.lock");
	}

	Path serverLog() {
		return this.root.resolve("postgres.log");
	}

	Path controlLog() {
		return this.root.resolve("postgres-control.log");
	}

	boolean initializeIfNeeded(ServerCommands commands, Duration timeout) throws IOException {
		if (Files.exists(pgdata().resolve("PG_VERSION"))) {
			checkMajorVersion(commands);
			return false;
		}
		if (Files.isDirectory(pgdata()) && !isEmpty(pgdata())) {
			throw new EmbeddedPostgresException(pgdata()
					+ " is not empty but is no PostgreSQL data directory. Move it away or set GREENLEDGER_DATA_DIR.");
		}
		Files.deleteIfExists(passwordFile());
		Files.createFile(passwordFile(), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		Files.writeString(passwordFile(), RandomSecrets.generate(32));
		log.info("Creating the embedded PostgreSQL data directory {}", pgdata());
		commands.run(timeout, controlLog(), "initdb", "-D", pgdata().toString(), "-U", EmbeddedPostgres.SUPERUSER,
				"--pwfile=" + passwordFile(), "-A", "scram-sha-256", "-E", "UTF8", "--no-locale");
		return true;
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	String readPassword() throws IOException {
		if (!Files.isReadable(passwordFile())) {
			throw new EmbeddedPostgresException("The embedded PostgreSQL in " + pgdata()
					+ " exists but its password file " + passwordFile()
					+ " is missing. Restore it from a backup, or move the data directory away to start afresh.");
		}
		return Files.readString(passwordFile()).strip();
	}

	private void checkMajorVersion(ServerCommands commands) throws IOException {
		String dataVersion = Files.readString(pgdata().resolve("PG_VERSION")).strip();
		Path versionLog = root.resolve("postgres-version.txt");
		commands.run(Duration.ofSeconds(30), versionLog, "postgres", "--version");
		String binaryVersion = Files.readString(versionLog).replaceAll("[^0-9.]", " ").strip().split("[ .]+")[0];
		if (!dataVersion.equals(binaryVersion)) {
			throw new EmbeddedPostgresException("The data directory " + pgdata() + " was created by PostgreSQL "
					+ dataVersion + " but this GreenLedger ships PostgreSQL " + binaryVersion
					+ ". Export the data with pg_dump from the old version, or point SPRING_DATASOURCE_URL at a server.");
		}
	}

	/**
	 * A server whose GreenLedger process was killed keeps running; we hold the lock, so
	 * it is an orphan.
	 */
	void stopOrphan(ServerCommands commands, Duration timeout) throws IOException {
		Path pidFile = pgdata().resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> running = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::strip)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false))
			.filter(handle -> handle.info()
				.arguments()
				.map(arguments -> List.of(arguments).contains(pgdata().toString()))
				.orElse(false));
		if (running.isPresent()) {
			log.warn("Stopping embedded PostgreSQL (pid {}) left running by an earlier GreenLedger process",
					running.get().pid());
			commands.run(timeout, controlLog(), "pg_ctl", "stop", "-D", pgdata().toString(), "-m", "fast", "-w", "-t",
					Long.toString(timeout.toSeconds()));
		}
	}

	void restrictToOwner() {
		Path directory = this.root;
		try {
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("Could not restrict {} to its owner: {}", directory, ex.getMessage());
		}
	}

}
