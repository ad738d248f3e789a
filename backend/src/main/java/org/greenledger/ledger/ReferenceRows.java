package org.greenledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;

import org.greenledger.core.footprint.FootprintEngine;
import org.greenledger.database.BinaryCopyEncoder;

/**
 * Stores a file's distinct attribute combinations and factor lineages, which its rows
 * reference by content id: copied into temporary tables, inserted where new, and checked
 * against an id collision.
 */
final class ReferenceRows {

	private ReferenceRows() {
	}

	static void store(Connection connection, Numbered<Dimension> dimensions, Numbered<Map<String, String>> tagSets,
			Collection<ContentIds> lineages, Map<Long, String> lineageContent) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table file_dimension (like activity_dimension) on commit drop");
			statement.execute("create temporary table file_tags (like activity_tags) on commit drop");
			statement.execute("create temporary table file_lineage (like calculation_lineage) on commit drop");
		}
		BinaryCopyEncoder rows = new BinaryCopyEncoder(1 << 16);
		for (int number = 0; number < dimensions.size(); number++) {
			Dimension dimension = dimensions.value(number);
			rows.startTuple(12);
			rows.putInt8(dimensions.ids(number).id());
			rows.putText(dimensions.ids(number).hash());
			rows.putText(dimension.provider());
			rows.putText(dimension.accountId());
			rows.putText(dimension.region());
			rows.putText(dimension.service());
			rows.putText(dimension.serviceCategory());
			rows.putText(dimension.chargeCategory());
			rows.putText(dimension.currency());
			rows.putText(dimension.orgUnit());
			rows.putText(dimension.scope());
			rows.putText(dimension.costOnlyReason());
		}
		rows.copyTo(connection, "file_dimension");
		BinaryCopyEncoder tags = new BinaryCopyEncoder(1 << 16);
		for (int number = 0; number < tagSets.size(); number++) {
			tags.startTuple(3);
			tags.putInt8(tagSets.ids(number).id());
			tags.putText(tagSets.ids(number).hash());
			tags.putJsonb(TagSets.canonical(tagSets.value(number)));
		}
		tags.copyTo(connection, "file_tags");
		BinaryCopyEncoder lineage = new BinaryCopyEncoder(1 << 16);
		lineages.forEach(ids -> {
			lineage.startTuple(4);
			lineage.putInt8(ids.id());
			lineage.putText(ids.hash());
			lineage.putText(FootprintEngine.METHOD_VERSION);
			lineage.putJsonb(lineageContent.get(ids.id()));
		});
		lineage.copyTo(connection, "file_lineage");
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("insert into activity_dimension select * from file_dimension on conflict (id) do nothing");
			statement.execute("insert into calculation_lineage select * from file_lineage on conflict (id) do nothing");
			statement.execute("insert into activity_tags select * from file_tags on conflict (id) do nothing");
			try (var collisions = statement.executeQuery(
					"""
							select (select count(*) from file_dimension f join activity_dimension d using (id) where d.hash <> f.hash)
							     + (select count(*) from file_lineage f join calculation_lineage l using (id) where l.hash <> f.hash)
							   + (select count(*) from file_tags f join activity_tags t using (id) where t.hash <> f.hash)""")) {
				collisions.next();
				if (collisions.getLong(1) > 0) {
					throw new IllegalStateException("Content id collision between different attribute combinations,"
							+ " tag sets or lineages (64-bit prefix of SHA-256); the file was not stored");
				}
			}
		}
	}

}
