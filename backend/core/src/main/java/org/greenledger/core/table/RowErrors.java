package org.greenledger.core.table;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Every row error of one file, so that each rejected row keeps its reason however many
 * there are: the first {@value #KEPT} are kept in memory (the job's validation report
 * shows them), the others go to a temporary file, and {@link #forEach(Consumer)} hands
 * all of them back in order (the application stores them). The temporary file is deleted
 * on {@link #close()}.
 */
public final class RowErrors implements AutoCloseable {

	/** How many errors are kept in memory and shown in the job's validation report. */
	public static final int KEPT = 1000;

	/** Longer reasons and column names are cut here (a cell's value may be quoted). */
	public static final int MAX_TEXT = 2000;

	private final List<RowError> kept = new ArrayList<>();

	private long count;

	private @Nullable Path spill;

	private @Nullable DataOutputStream out;

	/** Records an error. */
	public void add(RowError error) {
		this.count++;
		if (this.kept.size() < KEPT) {
			this.kept.add(error);
			return;
		}
		try {
			DataOutputStream spilled = spilled();
			spilled.writeLong(error.row());
			spilled.writeUTF(cut(error.column()));
			spilled.writeUTF(cut(error.message()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not record row error " + this.count + ": " + ex.getMessage(), ex);
		}
	}

	/** The first {@value #KEPT} errors. */
	public List<RowError> kept() {
		return Collections.unmodifiableList(this.kept);
	}

	/** How many errors were recorded. */
	public long count() {
		return this.count;
	}

	/**
	 * Hands every error to {@code each}, in the order they were recorded: the kept ones,
	 * then those of the temporary file (column and reason cut to {@value #MAX_TEXT}
	 * characters).
	 */
	public void forEach(Consumer<RowError> each) {
		this.kept.forEach(each);
		if (this.out == null || this.spill == null) {
			return;
		}
		try {
			this.out.flush();
			try (DataInputStream in = new DataInputStream(
					new BufferedInputStream(Files.newInputStream(this.spill), 1 << 16))) {
				while (true) {
					long row;
					try {
						row = in.readLong();
					}
					catch (EOFException end) {
						break;
					}
					each.accept(new RowError(row, in.readUTF(), in.readUTF()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the recorded row errors back: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			if (this.out != null) {
				this.out.close();
			}
			if (this.spill != null) {
				Files.deleteIfExists(this.spill);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.out = null;
			this.spill = null;
		}
	}

	private DataOutputStream spilled() throws IOException {
		if (this.out == null) {
			this.spill = Files.createTempFile("greenledger-row-errors-", ".bin");
			this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(this.spill), 1 << 16));
		}
		return this.out;
	}

	/** A column name or reason cut to {@value #MAX_TEXT} characters. */
	public static String cut(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

}
