package org.greenledger.providercarbon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.greenledger.ingestion.DelegatedFile;
import org.greenledger.ingestion.DelegatedFormat;
import org.greenledger.ingestion.DelegatedLoad;
import org.springframework.stereotype.Component;

/**
 * The provider carbon formats as ingestion sees them: detected from a file's start (or a
 * Parquet file's columns), read by their {@link ProviderReader}, stored by
 * {@link ProviderCarbonStore} (water allocations by {@link ProviderWaterStore}) when no
 * row was rejected.
 */
@Component
class ProviderCarbonFormats implements DelegatedFormat {

	private final List<ProviderReader> readers;

	private final ProviderCarbonStore store;

	private final ProviderWaterStore water;

	ProviderCarbonFormats(List<ProviderReader> readers, ProviderCarbonStore store, ProviderWaterStore water) {
		this.readers = List.copyOf(readers);
		this.store = store;
		this.water = water;
	}

	@Override
	public List<String> names() {
		return this.readers.stream().flatMap(reader -> reader.formats().stream()).toList();
	}

	@Override
	public Optional<String> recognise(String start) {
		return this.readers.stream().map(reader -> reader.recognise(start)).flatMap(Optional::stream).findFirst();
	}

	@Override
	public Optional<String> recogniseColumns(List<String> columns) {
		return this.readers.stream()
			.map(reader -> reader.recogniseColumns(columns))
			.flatMap(Optional::stream)
			.findFirst();
	}

	@Override
	public DelegatedLoad load(DelegatedFile file) {
		ProviderReader reader = this.readers.stream()
			.filter(candidate -> candidate.formats().contains(file.format()))
			.findFirst()
			.orElseThrow();
		if (reader.water(file.format())) {
			List<WaterRecord> water = new ArrayList<>();
			long read = reader.readWater(file, water::add);
			if (file.rejected() > 0) {
				return new DelegatedLoad(file.format(), read, 0, List.of());
			}
			return new DelegatedLoad(file.format(), read, water.size(),
					this.water.store(file.job(), file.fileName(), file.format(), file.createdBy(), water));
		}
		List<ProviderRecord> records = new ArrayList<>();
		long read = reader.read(file, records::add);
		if (file.rejected() > 0) {
			return new DelegatedLoad(file.format(), read, 0, List.of());
		}
		List<Map<String, Object>> notes = this.store.store(file.job(), file.fileName(), file.format(), file.createdBy(),
				records);
		return new DelegatedLoad(file.format(), read, records.size(), notes);
	}

	@Override
	public void remove(Collection<UUID> jobs) {
		this.store.remove(jobs);
		this.water.remove(jobs);
	}

}
