package org.greenledger.ingestion;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.greenledger.core.table.RowErrors;
import org.greenledger.core.table.Table;
import org.springframework.stereotype.Component;

/**
 * Runs files of the {@link DelegatedFormat}s other modules publish (if any) inside the
 * ingestion job: detected before every other format, all-or-nothing (a rejected row
 * refuses the file), completed like the other jobs.
 */
@Component
class DelegatedPipeline implements Pipeline {

	private final List<DelegatedFormat> formats;

	DelegatedPipeline(List<DelegatedFormat> formats) {
		this.formats = List.copyOf(formats);
	}

	/**
	 * One of the delegated formats, by the file's first bytes or its Parquet columns;
	 * never when the upload named a format (delegated formats are detected, not named).
	 */
	@Override
	public boolean recognises(JobFile file) {
		return find(file).isPresent();
	}

	@Override
	public Outcome run(JobFile file) {
		Recognised recognised = find(file)
			.orElseThrow(() -> new IllegalStateException(file.job().fileName() + " is not of a delegated format"));
		Job job = file.job();
		RowErrors errors = file.errors();
		DelegatedLoad load = recognised.format()
			.load(new DelegatedFile(job.id(), job.fileName(), recognised.name(), job.createdBy(), file.content(),
					file.parquet(), errors));
		long rejected = errors.count();
		if (rejected > 0) {
			throw new RejectedFileException(
					new RowAccount(load.read(), load.accepted(), 0, rejected, errors.kept(), List.of()),
					new RejectionLimit(RowKind.BILLING, 0.0,
							"provider-reported figures are stored whole or not at all"),
					load.format());
		}
		return new Outcome(load.format(), new RowAccount(load.read(), load.accepted(), 0, 0, List.of(), List.of()),
				List.of(), null, load.notes(), null);
	}

	private Optional<Recognised> find(JobFile file) {
		if (this.formats.isEmpty() || file.job().requestedFormat() != null) {
			// a format named on upload is one of the billing or measured formats
			return Optional.empty();
		}
		Table parquet = file.parquet();
		String start = (parquet != null) ? ""
				: new String(file.head(), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
		for (DelegatedFormat format : this.formats) {
			Optional<String> name = (parquet != null) ? format.recogniseColumns(parquet.header())
					: format.recognise(start);
			if (name.isPresent()) {
				return Optional.of(new Recognised(format, name.get()));
			}
		}
		return Optional.empty();
	}

	private record Recognised(DelegatedFormat format, String name) {
	}

}
