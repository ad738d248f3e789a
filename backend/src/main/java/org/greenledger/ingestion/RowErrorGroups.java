package org.greenledger.ingestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.core.table.RowError;
import org.greenledger.system.SettingNames;

/**
 * A validation report's row errors as the job page shows them: identical errors (the same
 * column and reason) once, with how many rows have it and which (a range, "rows 2-1001",
 * or the first ten, "rows 2, 5, 9, ... (first 10 shown)"), in the order of their first
 * row. Every row's error stays in the rejected-rows file and the job's API.
 */
public final class RowErrorGroups {

	/** Rows listed per group; the rest are counted. */
	static final int SHOWN = 10;

	private RowErrorGroups() {
	}

	/**
	 * One reason shared by rows.
	 *
	 * @param rows how many of the kept errors have it
	 * @param shown the first rows, at most {@link #SHOWN}
	 * @param rowsText the rows in words: a range when they follow each other ("2-1001"),
	 * else the first ones ("2, 5, 9")
	 */
	public record Group(String column, String message, long rows, List<Long> shown, String rowsText) {
	}

	public static List<Group> of(List<RowError> errors) {
		Map<List<String>, List<Long>> rows = new LinkedHashMap<>();
		for (RowError error : errors) {
			rows.computeIfAbsent(List.of(error.column(), SettingNames.inUserWords(error.message())),
					key -> new ArrayList<>())
				.add(error.row());
		}
		List<Group> groups = new ArrayList<>(rows.size());
		rows.forEach((key, numbers) -> groups.add(group(key.get(0), key.get(1), numbers)));
		return groups;
	}

	private static Group group(String column, String message, List<Long> numbers) {
		List<Long> shown = numbers.subList(0, Math.min(SHOWN, numbers.size()));
		boolean consecutive = true;
		for (int i = 1; i < numbers.size() && consecutive; i++) {
			consecutive = numbers.get(i) == numbers.get(i - 1) + 1;
		}
		String text;
		if (numbers.size() == 1) {
			text = "row " + numbers.get(0);
		}
		else if (consecutive) {
			text = "rows " + numbers.get(0) + "-" + numbers.get(numbers.size() - 1);
		}
		else {
			StringBuilder listed = new StringBuilder("rows ");
			for (int i = 0; i < shown.size(); i++) {
				listed.append((i > 0) ? ", " : "").append(shown.get(i));
			}
			if (numbers.size() > SHOWN) {
				listed.append(", ... (first ").append(SHOWN).append(" shown)");
			}
			text = listed.toString();
		}
		return new Group(column, message, numbers.size(), List.copyOf(shown), text);
	}

}
