package org.greenledger.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by GreenLedger itself, with its data under
 * {@code <data root>/postgres}. Only one process may use a data root at a time (a file
 * lock guards it); a server left running by a process that was killed is stopped and
 * started afresh. The server listens on the loopback interface only and requires a
 * password that is generated on first start and kept, readable by the owner only, beside
 * the data.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	static final String SUPERUSER = "greenledger";

	private final DataDirectory layout;

	private final ServerCommands commands;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final String password;

	private final int port;

	private final boolean initialized;

	private final Process server;

	private EmbeddedPostgres(DataDirectory layout, ServerCommands commands, FileChannel lockChannel, FileLock lock,
			String password, int port, boolean initialized, Process server) {
		this.layout = layout;
		this.commands = commands;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.password = password;
		this.port = port;
		this.initialized = initialized;
		this.server = server;
	}

	/**
	 * Starts (creating it when needed) the server whose files live under
	 * {@code dataRoot}, and makes sure {@code database} exists.
	 * @param port the TCP port on 127.0.0.1, or 0 for any free port
	 */
	public static EmbeddedPostgres start(Path dataRoot, Path binariesCache, int port, String database,
			Duration timeout) {
		DataDirectory layout = new DataDirectory(dataRoot.toAbsolutePath().normalize());
		FileChannel channel = null;
		try {
			Files.createDirectories(layout.root());
			layout.restrictToOwner();
			channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				throw new EmbeddedPostgresException("The data directory " + layout.root()
						+ " is in use by another GreenLedger process. Stop that process, or set GREENLEDGER_DATA_DIR"
						+ " to another directory.");
			}
			ServerCommands commands = new ServerCommands(PostgresBinaries.unpackInto(binariesCache));
			boolean initialized = layout.initializeIfNeeded(commands, timeout);
			layout.stopOrphan(commands, timeout);
			int chosenPort = (port == 0) ? freePort() : port;
			String password = layout.readPassword();
			Process server = commands
				.builder("postgres", "-D", layout.pgdata().toString(), "-p", Integer.toString(chosenPort), "-c",
						"listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
						// single node without replicas: bulk loads into tables created in
						// the same transaction are synced to disk at commit instead of
						// written to the WAL
						"-c", "wal_level=minimal", "-c", "max_wal_senders=0",
						// and the operating system writes them out while they are loaded:
						// without, the sync at commit wrote a 2,000,000-row file's
						// 300 MB at the end (0.33-0.48 s instead of 0.08 s)
						"-c", "backend_flush_after=2MB",
						// a loaded file's index (by source row) sorted in memory by
						// one process: 2,000,000 rows need about 80 MB; with the
						// default 64 MB it was sorted on disk by three processes,
						// using 1.8 times the CPU
						"-c", "maintenance_work_mem=256MB", "-c", "max_parallel_maintenance_workers=0",
						// queries read rollups: compiling them costs more than it saves
						"-c", "jit=off")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.serverLog().toFile()))
				.start();
			EmbeddedPostgres postgres = new EmbeddedPostgres(layout, commands, channel, lock, password, chosenPort,
					initialized, server);
			try {
				postgres.awaitReady(timeout);
				postgres.ensureDatabase(database);
			}
			catch (RuntimeException ex) {
				postgres.close();
				throw ex;
			}
			return postgres;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new EmbeddedPostgresException(
					"Could not start the embedded PostgreSQL in " + layout.root() + ": " + ex.getMessage(), ex);
		}
		catch (EmbeddedPostgresException ex) {
			closeQuietly(channel);
			throw ex;
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw new EmbeddedPostgresException(String.valueOf(ex), ex);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	public String username() {
		return SUPERUSER;
	}

	public String password() {
		return this.password;
	}

	public int port() {
		return this.port;
	}

	public Path dataDirectory() {
		return this.layout.pgdata();
	}

	/**
	 * Whether this start created the data directory (first start) rather than reusing it.
	 */
	public boolean initializedNow() {
		return this.initialized;
	}

	@Override
	public void close() {
		try {
			if (this.server.isAlive()) {
				this.commands.run(Duration.ofSeconds(60), this.layout.controlLog(), "pg_ctl", "stop", "-D",
						this.layout.pgdata().toString(), "-m", "fast", "-w", "-t", "50");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Fast shutdown of the embedded PostgreSQL failed ({}); killing it", ex.getMessage());
			this.server.destroyForcibly();
		}
		finally {
			try {
				if (!this.server.waitFor(30, TimeUnit.SECONDS)) {
					this.server.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try {
				this.lock.release();
			}
			catch (IOException ex) {
				log.debug("Could not release {}", this.layout.lockFile(), ex);
			}
			closeQuietly(this.lockChannel);
		}
	}

	private void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		SQLException last = null;
		while (Instant.now().isBefore(deadline)) {
			if (!this.server.isAlive()) {
				throw new EmbeddedPostgresException("The embedded PostgreSQL stopped during start-up: "
						+ ServerCommands.lastLines(this.layout.serverLog()) + " (see " + this.layout.serverLog() + ")");
			}
			try (Connection connection = connect("postgres")) {
				return;
			}
			catch (SQLException ex) {
				last = ex;
			}
			sleep(Duration.ofMillis(50));
		}
		throw new EmbeddedPostgresException("The embedded PostgreSQL did not accept connections within " + timeout
				+ " (see " + this.layout.serverLog() + ")", last);
	}

	private void ensureDatabase(String database) {
		if (!database.matches("[a-z_][a-z0-9_]*")) {
			throw new EmbeddedPostgresException("Invalid embedded database name '" + database
					+ "': use lower-case letters, digits and underscores");
		}
		try (Connection connection = connect("postgres");
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new EmbeddedPostgresException("Could not create database " + database + ": " + ex.getMessage(), ex);
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, this.password);
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null; // held by this very JVM
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedPostgresException("Interrupted while waiting for PostgreSQL", ex);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				log.debug("Could not close the lock file", ex);
			}
		}
	}

}
