package org.greenledger.disclosure;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.reports.RenderProgress;
import org.greenledger.reports.RowSource;
import org.greenledger.reports.RowSources;
import org.greenledger.tasks.TaskProgress;

/**
 * A report's generation as its steps, each reported by the work itself: the figures
 * gathered, each PDF page laid out, each activity line written to the workbook, the HTML
 * page, the storing. The shares are where each step starts in a typical generation (the
 * workbook's activity lines take most of the time of a large report).
 */
final class ReportProgress {

	static final String FIGURES = "Gathering the figures";

	static final String PDF = "Rendering the PDF";

	static final String WORKBOOK = "Writing the workbook";

	static final String HTML = "Rendering the HTML page";

	static final String STORING = "Storing the report";

	private static final ReportProgress NONE = new ReportProgress(TaskProgress.NONE);

	private final TaskProgress progress;

	private ReportProgress(TaskProgress progress) {
		this.progress = progress;
	}

	static ReportProgress of(TaskProgress progress) {
		return (progress == TaskProgress.NONE) ? NONE : new ReportProgress(progress);
	}

	/** Whether anybody follows (otherwise nothing is counted for it). */
	boolean followed() {
		return this != NONE;
	}

	void figures(String what) {
		this.progress.report(FIGURES, what, 0.02);
	}

	/** Each page of each layout pass of the PDF. */
	RenderProgress pdf() {
		return (pass, page, pagesBefore) -> {
			if (pass == 1 || pagesBefore == 0) {
				this.progress.report(PDF, "laying out page " + page, 0.10 + Math.min(0.14, page * 0.002));
			}
			else {
				this.progress.report(PDF, "page " + page + " of " + pagesBefore,
						0.25 + 0.15 * Math.min(1, (double) page / pagesBefore));
			}
		};
	}

	void workbook() {
		this.progress.report(WORKBOOK, "summary and tables", 0.40);
	}

	/** The rows, telling each one as the workbook takes it: "activity line n of N". */
	RowSource lines(RowSource rows, long total) {
		return () -> new Counting(rows.iterator(), total);
	}

	void html() {
		this.progress.report(HTML, "", 0.91);
	}

	void storing() {
		this.progress.report(STORING, "PDF, XLSX and HTML with their SHA-256", 0.95);
	}

	private static String number(long value) {
		return String.format(Locale.ENGLISH, "%,d", value);
	}

	private final class Counting implements Iterator<List<? extends @Nullable Object>>, AutoCloseable {

		private final Iterator<List<? extends @Nullable Object>> rows;

		private final long total;

		private long taken;

		Counting(Iterator<List<? extends @Nullable Object>> rows, long total) {
			this.rows = rows;
			this.total = total;
		}

		@Override
		public boolean hasNext() {
			return this.rows.hasNext();
		}

		@Override
		public List<? extends @Nullable Object> next() {
			List<? extends @Nullable Object> row = this.rows.next();
			this.taken++;
			if (this.taken % 500 != 1) {
				return row;
			}
			long of = Math.max(this.total, this.taken);
			ReportProgress.this.progress.report(WORKBOOK, "activity line " + number(this.taken) + " of " + number(of),
					0.40 + 0.50 * this.taken / of);
			return row;
		}

		@Override
		public void close() {
			RowSources.close(this.rows);
		}

	}

}
