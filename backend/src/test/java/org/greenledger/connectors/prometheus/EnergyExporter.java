package org.greenledger.connectors.prometheus;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small exporter for the tests: serves energy counters on {@code /metrics} with
 * explicit timestamps (whole seconds), each counter a straight line in time from the
 * value of a real sample line of the telemetry corpus, so that the value at any served
 * second is known exactly; remembers every second it served. Any other path answers an
 * HTML page, as a server that is not Prometheus would.
 */
final class EnergyExporter implements AutoCloseable {

	static final Path CORPUS = Path.of("src/test/resources/corpus/measured");

	/**
	 * A served counter.
	 *
	 * @param series the metric name and labels as in the corpus line
	 * @param base the corpus line's value, served at the exporter's first second
	 * @param perSecond the increase per second, in the metric's unit
	 */
	record Counter(String series, BigDecimal base, BigDecimal perSecond) {

		BigDecimal at(long second, long firstSecond) {
			return this.base.add(this.perSecond.multiply(BigDecimal.valueOf(second - firstSecond)));
		}

	}

	private final HttpServer server;

	private final List<Counter> counters;

	private final long firstSecond = System.currentTimeMillis() / 1000;

	private final NavigableSet<Long> served = new ConcurrentSkipListSet<>();

	private EnergyExporter(List<Counter> counters) throws IOException {
		this.counters = counters;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/metrics", this::metrics);
		this.server.createContext("/",
				exchange -> answer(exchange, 200, "text/html", "<html><body>a web page</body></html>"));
		this.server.start();
	}

	static EnergyExporter start(List<Counter> counters) throws IOException {
		return new EnergyExporter(counters);
	}

	/**
	 * The sample line of a metric in a corpus file (the first one), as a counter rising
	 * by {@code perSecond}.
	 */
	static Counter fromCorpus(String file, String metric, String perSecond) throws IOException {
		for (String line : Files.readAllLines(CORPUS.resolve(file))) {
			if (line.startsWith(metric + "{")) {
				int space = line.lastIndexOf(' ');
				return new Counter(line.substring(0, space), new BigDecimal(line.substring(space + 1).strip()),
						new BigDecimal(perSecond));
			}
		}
		throw new IllegalArgumentException(metric + " is not in " + file);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	long firstSecond() {
		return this.firstSecond;
	}

	NavigableSet<Long> served() {
		return this.served;
	}

	List<Counter> counters() {
		return this.counters;
	}

	private void metrics(HttpExchange exchange) throws IOException {
		long second = System.currentTimeMillis() / 1000;
		StringBuilder text = new StringBuilder();
		List<String> types = new ArrayList<>();
		for (Counter counter : this.counters) {
			String name = counter.series().substring(0, counter.series().indexOf('{'));
			if (!types.contains(name)) {
				types.add(name);
				text.append("# TYPE ").append(name).append(" counter\n");
			}
			text.append(counter.series())
				.append(' ')
				.append(counter.at(second, this.firstSecond).toPlainString())
				.append(' ')
				.append(second * 1000)
				.append('\n');
		}
		this.served.add(second);
		answer(exchange, 200, "text/plain; version=0.0.4", text.toString());
	}

	private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
