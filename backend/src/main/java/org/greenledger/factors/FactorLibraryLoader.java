package org.greenledger.factors;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Loads every dataset under {@code classpath:factors/} into a {@link FactorLibrary}. */
final class FactorLibraryLoader {

	static final String REGIONS_DATASET = "cloud-regions";

	private static final Logger log = LoggerFactory.getLogger(FactorLibraryLoader.class);

	private FactorLibraryLoader() {
	}

	static FactorLibrary load(ResourcePatternResolver resolver) {
		try {
			Resource[] manifests = resolver.getResources("classpath*:factors/*.dataset.properties");
			Arrays.sort(manifests, Comparator.comparing(Resource::getFilename));
			List<FactorDataset> datasets = new ArrayList<>();
			List<FactorValue> values = new ArrayList<>();
			List<CloudRegion> regions = new ArrayList<>();
			for (Resource manifest : manifests) {
				String name = "factors/" + manifest.getFilename();
				FactorDataset dataset;
				try (InputStream in = manifest.getInputStream()) {
					dataset = FactorDatasetReader.manifest(name, in);
				}
				String csvName = name.replace(".dataset.properties", ".csv");
				Resource csv = manifest.createRelative(manifest.getFilename().replace(".dataset.properties", ".csv"));
				try (InputStream in = csv.getInputStream()) {
					if (REGIONS_DATASET.equals(dataset.id())) {
						regions.addAll(FactorDatasetReader.regions(csvName, in));
					}
					else {
						values.addAll(FactorDatasetReader.factors(csvName, in, dataset));
					}
				}
				datasets.add(dataset);
			}
			log.info("Factor library: {} datasets, {} factors, {} cloud regions", datasets.size(), values.size(),
					regions.size());
			return new FactorLibrary(datasets, values, regions);
		}
		catch (IOException ex) {
			throw new FactorDataException("Could not read the factor datasets: " + ex.getMessage(), ex);
		}
	}

}
