package org.greenledger.connectors;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code connector} table. */
@Repository
class ConnectorStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	ConnectorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredConnector c) {
		this.jdbc.sql("""
				insert into connector (id, name, type, schedule, org_unit, settings, secrets, secret_names,
				                       created_by, created_at, updated_by, updated_at, version)
				values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 0)""")
			.params(c.id(), c.name(), c.type().name(), c.schedule(), c.orgUnit(), JSON.writeValueAsString(c.settings()),
					c.sealedSecrets(), c.secretNames().toArray(String[]::new), c.createdBy(),
					Timestamp.from(c.createdAt()), c.updatedBy(), Timestamp.from(c.updatedAt()))
			.update();
	}

	/** Updates a connector at the version it was read at; false when it changed since. */
	boolean update(StoredConnector c) {
		return this.jdbc.sql("""
				update connector set name = ?, schedule = ?, org_unit = ?, settings = ?::jsonb, secrets = ?,
				                     secret_names = ?, updated_by = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(c.name(), c.schedule(), c.orgUnit(), JSON.writeValueAsString(c.settings()), c.sealedSecrets(),
					c.secretNames().toArray(String[]::new), c.updatedBy(), Timestamp.from(c.updatedAt()), c.id(),
					c.version())
			.update() == 1;
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("delete from connector where id = ?").param(id).update() == 1;
	}

	Optional<StoredConnector> find(UUID id) {
		return this.jdbc.sql("select * from connector where id = ?").param(id).query(ConnectorStore::row).optional();
	}

	List<StoredConnector> all() {
		return this.jdbc.sql("select * from connector order by name").query(ConnectorStore::row).list();
	}

	private static StoredConnector row(ResultSet rs, int rowNumber) throws SQLException {
		Map<String, String> settings = new TreeMap<>(
				JSON.readValue(rs.getString("settings"), new TypeReference<Map<String, String>>() {
				}));
		return new StoredConnector(rs.getObject("id", UUID.class), rs.getString("name"),
				ConnectorType.valueOf(rs.getString("type")), rs.getString("schedule"), rs.getString("org_unit"),
				settings, rs.getBytes("secrets"), texts(rs.getArray("secret_names")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
	}

	static List<String> texts(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
