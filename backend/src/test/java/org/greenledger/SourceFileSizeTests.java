package org.greenledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rule "small classes": no main source file of the backend or the reports
 * module is over {@value #MAX_LINES} lines (docs/style of the repository).
 */
class SourceFileSizeTests {

	private static final int MAX_LINES = 400;

	@Test
	void noMainFileIsOverTheLimit() throws IOException {
		List<String> tooLong = Stream
			.of(Path.of("src/main/java"), Path.of("core/src/main/java"), Path.of("../reports/src/main/java"))
			.flatMap(SourceFileSizeTests::javaFiles)
			.filter((file) -> lines(file) > MAX_LINES)
			.map((file) -> file + " (" + lines(file) + " lines)")
			.toList();
		assertThat(tooLong).as("main files over %d lines", MAX_LINES).isEmpty();
	}

	@Test
	void theCheckSeesTheSources() {
		assertThat(javaFiles(Path.of("src/main/java")).count()).isGreaterThan(300);
		assertThat(javaFiles(Path.of("core/src/main/java")).count()).isGreaterThan(50);
		assertThat(javaFiles(Path.of("../reports/src/main/java")).count()).isGreaterThan(10);
	}

	private static Stream<Path> javaFiles(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList().stream();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
