package org.greenledger.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.greenledger.core.footprint.FactorReference;

/**
 * The factor lists of a task's activity lines, each written once: a line references its
 * list by id, a list names its factors by id, and the manifest holds each factor and each
 * list once. Ids are made from the content (the first 16 hex digits of the SHA-256 of a
 * factor's JSON, or of a list's factor ids), so that every task and every run gives the
 * same factor and the same list the same id. Most lines of a file share a few lists (one
 * per instance type and region, for example): a list is looked up by identity first (the
 * engine hands out the same list for the same factors), then by content; JSON is made
 * only for a factor seen for the first time.
 */
final class FactorLists {

	private static final int MAX_BY_INSTANCE = 100_000;

	/**
	 * A list's id and the datasets and versions it names ({@code dataset@version ...}).
	 */
	record Listed(String id, String versions) {
	}

	private final Map<List<FactorReference>, Listed> byInstance = new IdentityHashMap<>();

	private final Map<List<FactorReference>, Listed> byContent = new HashMap<>();

	private final Map<FactorReference, String> factorIds = new HashMap<>();

	private final Map<String, String> unreportedFactors = new LinkedHashMap<>();

	private final Map<String, List<String>> unreportedLists = new LinkedHashMap<>();

	Listed of(List<FactorReference> factors) {
		Listed known = this.byInstance.get(factors);
		if (known != null) {
			return known;
		}
		known = this.byContent.computeIfAbsent(List.copyOf(factors), this::list);
		if (this.byInstance.size() >= MAX_BY_INSTANCE) {
			this.byInstance.clear();
		}
		this.byInstance.put(factors, known);
		return known;
	}

	/** The factors first seen since the last call, by id, as JSON objects. */
	Map<String, String> unreportedFactors() {
		Map<String, String> factors = new LinkedHashMap<>(this.unreportedFactors);
		this.unreportedFactors.clear();
		return factors;
	}

	/** The lists first seen since the last call: their factors' ids, by the list's id. */
	Map<String, List<String>> unreportedLists() {
		Map<String, List<String>> lists = new LinkedHashMap<>(this.unreportedLists);
		this.unreportedLists.clear();
		return lists;
	}

	private Listed list(List<FactorReference> factors) {
		List<String> ids = new ArrayList<>(factors.size());
		for (FactorReference factor : factors) {
			ids.add(this.factorIds.computeIfAbsent(factor, this::factor));
		}
		String id = id(String.join(",", ids));
		this.unreportedLists.put(id, List.copyOf(ids));
		return new Listed(id,
				factors.stream()
					.map(factor -> factor.dataset() + "@" + factor.version())
					.distinct()
					.collect(Collectors.joining(" ")));
	}

	private String factor(FactorReference factor) {
		String json = LineRecords.JSON.writeValueAsString(factor);
		String id = id(json);
		this.unreportedFactors.put(id, json);
		return id;
	}

	static String id(String content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no SHA-256", ex);
		}
	}

}
