package org.greenledger.core.factors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the factor datasets ({@code factors/<id>.dataset.properties} with its
 * {@code factors/<id>.csv}) into a {@link FactorLibrary}. Where the files come from is
 * the caller's: {@link #shipped()} reads the ones in this module's jar or classes
 * directory; the application hands over the ones its class path holds.
 */
public final class FactorLibraryLoader {

	static final String REGIONS_DATASET = "cloud-regions";

	private static final String MANIFEST_SUFFIX = ".dataset.properties";

	private static final Logger log = LoggerFactory.getLogger(FactorLibraryLoader.class);

	private FactorLibraryLoader() {
	}

	/**
	 * Opens one file of the {@code factors/} folder by its name, such as
	 * {@code ember-country-yearly.csv}.
	 */
	@FunctionalInterface
	public interface DatasetFiles {

		InputStream open(String fileName) throws IOException;

	}

	/**
	 * The datasets shipped in {@code factors/} beside this class, read without any
	 * framework: from the classes directory or the jar this module was loaded from.
	 */
	public static FactorLibrary shipped() {
		URL regions = FactorLibraryLoader.class.getClassLoader()
			.getResource("factors/" + REGIONS_DATASET + MANIFEST_SUFFIX);
		if (regions == null) {
			throw new FactorDataException(
					"The factor datasets (factors/*" + MANIFEST_SUFFIX + ") are not on the class path");
		}
		try {
			URI uri = regions.toURI();
			if ("jar".equals(uri.getScheme())) {
				try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
					return fromFolder(jar.provider().getPath(uri).getParent());
				}
			}
			return fromFolder(Path.of(uri).getParent());
		}
		catch (URISyntaxException | IOException ex) {
			throw new FactorDataException("Could not read the factor datasets: " + ex.getMessage(), ex);
		}
	}

	private static FactorLibrary fromFolder(Path folder) throws IOException {
		List<String> manifests;
		try (Stream<Path> files = Files.list(folder)) {
			manifests = files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(MANIFEST_SUFFIX))
				.toList();
		}
		return load(manifests, name -> Files.newInputStream(folder.resolve(name)));
	}

	/**
	 * Reads the given manifests (file names ending in {@code .dataset.properties}) in the
	 * order of their names, each with the CSV file of the same name.
	 * @param manifestNames the manifests' file names
	 * @param files opens a file of the {@code factors/} folder by its name
	 * @return the library
	 */
	public static FactorLibrary load(Collection<String> manifestNames, DatasetFiles files) {
		try {
			List<FactorDataset> datasets = new ArrayList<>();
			List<FactorValue> values = new ArrayList<>();
			List<CloudRegion> regions = new ArrayList<>();
			for (String manifestName : manifestNames.stream().sorted().toList()) {
				String name = "factors/" + manifestName;
				FactorDataset dataset;
				try (InputStream in = files.open(manifestName)) {
					dataset = FactorDatasetReader.manifest(name, in);
				}
				String csvFile = manifestName.replace(MANIFEST_SUFFIX, ".csv");
				String csvName = "factors/" + csvFile;
				try (InputStream in = files.open(csvFile)) {
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
		catch (IOException | UncheckedIOException ex) {
			throw new FactorDataException("Could not read the factor datasets: " + ex.getMessage(), ex);
		}
	}

}
