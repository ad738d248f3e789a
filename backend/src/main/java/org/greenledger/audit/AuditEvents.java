package org.greenledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log: newest first, filtered, in pages that continue from a cursor
 * (keyset paging on the time index), never by offset.
 */
@Service
public class AuditEvents {

	/** The largest page a caller may ask for. */
	public static final int MAX_PAGE = 500;

	private static final int EXPORT_CHUNK = MAX_PAGE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AuditEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the events the filter selects, newest first.
	 * @param before where the previous page ended; {@code null} for the newest events
	 * @param size events per page, 1 to {@link #MAX_PAGE}
	 */
	public AuditPage page(AuditFilter filter, @Nullable AuditCursor before, int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " events, not " + size);
		}
		StringBuilder sql = new StringBuilder(
				"select id, at, actor, action, subject, details::text from audit_event" + " where true");
		List<Object> params = new ArrayList<>();
		if (filter.actor() != null) {
			sql.append(" and actor = ?");
			params.add(filter.actor());
		}
		if (filter.action() != null) {
			sql.append(" and action like ? escape '\\'");
			params.add(escapeLike(filter.action()) + "%");
		}
		if (filter.subject() != null) {
			// the subject, or the file an event names (an upload's events name its job)
			sql.append(" and (subject ilike ? escape '\\' or details ->> 'fileName' ilike ? escape '\\')");
			params.add("%" + escapeLike(filter.subject()) + "%");
			params.add("%" + escapeLike(filter.subject()) + "%");
		}
		if (filter.from() != null) {
			sql.append(" and at >= ?");
			params.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" and at < ?");
			params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (before != null) {
			// a range on the time index, then the tie on the id
			sql.append(" and at <= ? and (at < ? or id < ?)");
			Timestamp at = Timestamp.from(before.at());
			params.add(at);
			params.add(at);
			params.add(before.id());
		}
		sql.append(" order by at desc, id desc limit ?");
		params.add(size + 1);
		List<AuditEvent> events = new ArrayList<>(
				this.jdbc.sql(sql.toString()).params(params).query(AuditEvents::event).list());
		AuditCursor next = null;
		if (events.size() > size) {
			events.remove(size);
			AuditEvent last = events.get(size - 1);
			next = new AuditCursor(last.at(), last.id());
		}
		return new AuditPage(List.copyOf(events), next);
	}

	/**
	 * The events of a trail recorded up to {@code until}, oldest first: those whose
	 * subject starts with one of {@code subjectPrefixes} or whose action starts with one
	 * of {@code actionPrefixes}, and those whose action is one of {@code actionsFrom}
	 * recorded from {@code from} on (for example the sign-ins of a reporting period). The
	 * prefixes are matched literally (a backslash escapes {@code %} and {@code _}, LIKE's
	 * default).
	 */
	public List<AuditEvent> trail(Instant until, List<String> subjectPrefixes, List<String> actionPrefixes,
			List<String> actionsFrom, Instant from) {
		return this.jdbc.sql("""
				select id, at, actor, action, subject, details::text from audit_event
				where at <= ? and (subject like any(?::text[]) or action like any(?::text[])
				                   or (action = any(?::text[]) and at >= ?))
				order by at, id""")
			.params(Timestamp.from(until), prefixes(subjectPrefixes), prefixes(actionPrefixes),
					actionsFrom.toArray(String[]::new), Timestamp.from(from))
			.query(AuditEvents::event)
			.list();
	}

	private static String[] prefixes(List<String> prefixes) {
		return prefixes.stream().map(prefix -> escapeLike(prefix) + "%").toArray(String[]::new);
	}

	/** Every event the filter selects, newest first, read in pages. */
	public void forEach(AuditFilter filter, Consumer<AuditEvent> action) {
		AuditCursor cursor = null;
		do {
			AuditPage page = page(filter, cursor, EXPORT_CHUNK);
			page.events().forEach(action);
			cursor = page.next();
		}
		while (cursor != null);
	}

	private static AuditEvent event(ResultSet rs, int row) throws SQLException {
		Map<String, @Nullable Object> details = JSON.readValue(rs.getString(6),
				new TypeReference<Map<String, @Nullable Object>>() {
				});
		return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), details);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
