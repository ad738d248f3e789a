package org.greenledger.procurement;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.greenledger.system.ApiProblemException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Scoring methodologies as versioned data: stored in the database (never changed; a
 * change is a new version), the default one installed from {@code classpath:procurement/}
 * on start. Versions are cached, since they never change.
 */
@Service
public class Methodologies {

	/** The default methodology's name. */
	public static final String DEFAULT = "greenledger-default";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Methodology> cache = new ConcurrentHashMap<>();

	private final Map<String, Integer> latest = new ConcurrentHashMap<>();

	Methodologies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void installDefault() {
		Methodology shipped = read("procurement/methodology-default-v1.json");
		this.jdbc.sql("""
				insert into scoring_methodology (name, version, definition, created_at, created_by)
				values (?, ?, ?::jsonb, ?, 'greenledger') on conflict do nothing""")
			.params(shipped.name(), shipped.version(), JSON.writeValueAsString(shipped),
					Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	/** A version, or the latest version when {@code version} is null. */
	public Methodology get(String name, Integer version) {
		int wanted = (version != null) ? version
				: this.latest.computeIfAbsent(name,
						key -> this.jdbc.sql("select max(version) from scoring_methodology where name = ?")
							.param(name)
							.query(Integer.class)
							.optional()
							.filter(java.util.Objects::nonNull)
							.orElseThrow(() -> ApiProblemException.notFound("No scoring methodology '" + name + "'.")));
		return this.cache.computeIfAbsent(name + "#" + wanted,
				key -> load(name, wanted).orElseThrow(() -> ApiProblemException
					.notFound("No version " + wanted + " of scoring methodology '" + name + "'.")));
	}

	public List<Methodology> all() {
		return this.jdbc.sql("select definition::text from scoring_methodology order by name, version")
			.query((rs, row) -> JSON.readValue(rs.getString(1), Methodology.class))
			.list();
	}

	private Optional<Methodology> load(String name, int version) {
		return this.jdbc.sql("select definition::text from scoring_methodology where name = ? and version = ?")
			.params(name, version)
			.query((rs, row) -> JSON.readValue(rs.getString(1), Methodology.class))
			.optional();
	}

	static Methodology read(String resource) {
		try (InputStream in = Methodologies.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			return JSON.readValue(in, Methodology.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource + ": " + ex.getMessage(), ex);
		}
	}

}
