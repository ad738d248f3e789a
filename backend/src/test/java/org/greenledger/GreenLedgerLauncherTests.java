package org.greenledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GreenLedgerLauncherTests {

	@Test
	void anOlderJavaGetsOneSentenceNamingTheRequiredVersion() {
		assertThat(GreenLedgerLauncher.runtimeProblem(17, "/usr/lib/jvm/java-17"))
			.startsWith("GreenLedger needs Java 21 or newer, but was started with Java 17 (/usr/lib/jvm/java-17).")
			.doesNotContain("\n");
	}

	@Test
	void java21AndNewerRunGreenLedger() {
		assertThat(GreenLedgerLauncher.runtimeProblem(21, "/jdk")).isNull();
		assertThat(GreenLedgerLauncher.runtimeProblem(25, "/jdk")).isNull();
	}

	@Test
	void theLauncherIsLoadableByJava17() throws Exception {
		try (var in = GreenLedgerLauncher.class.getResourceAsStream("GreenLedgerLauncher.class")) {
			byte[] header = in.readNBytes(8);
			int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
			assertThat(major).isEqualTo(61);
		}
	}

}
