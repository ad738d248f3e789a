package org.greenledger.database;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.greenledger.GreenLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DatabaseStartupFailureTests {

	@Test
	void anUnreachableDatasourceStopsStartUpWithOneClearMessage() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/greenledger";

		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(GreenLedgerApplication.class).run(
				"--spring.datasource.url=" + url + "?password=secret", "--spring.datasource.username=nobody",
				"--spring.datasource.password=nothing", "--server.port=0", "--greenledger.data-dir=target/test-data",
				"--logging.file.name=target/test-data/logs/failure.log"));

		DatabaseUnavailableException cause = findCause(failure);
		assertThat(cause.getMessage()).startsWith("Cannot connect to PostgreSQL at " + url + ":")
			.doesNotContain("secret");
		FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains(url);
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
	}

	private static DatabaseUnavailableException findCause(Throwable failure) {
		for (Throwable each = failure; each != null; each = each.getCause()) {
			if (each instanceof DatabaseUnavailableException unavailable) {
				return unavailable;
			}
		}
		throw new AssertionError("Start-up did not fail with DatabaseUnavailableException", failure);
	}

}
