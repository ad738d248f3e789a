package org.greenledger.providercarbon;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.greenledger.ledger.FootprintQuery;
import org.greenledger.ledger.LedgerFilter;
import org.springframework.stereotype.Component;

/**
 * Both sides' figures by service inside one group of a reconciliation (an account, a
 * region or a month of one provider), services named in the provider's codes: what
 * {@link DifferenceCauses} needs to tell the services GreenLedger estimated from spend
 * from the others.
 */
@Component
class ServiceBreakdown {

	private final ProviderCarbonQuery providers;

	private final FootprintQuery footprint;

	private final CodeMappings mappings;

	ServiceBreakdown(ProviderCarbonQuery providers, FootprintQuery footprint, CodeMappings mappings) {
		this.providers = providers;
		this.footprint = footprint;
		this.mappings = mappings;
	}

	/**
	 * @param first the period's first day
	 * @param last the period's last day
	 * @param groupBy {@code month}, {@code account} or {@code region} ({@code service}
	 * groups are a service already)
	 * @param key the group's key in the provider's terms
	 * @return both sides by service, or empty when the group cannot be split (a service
	 * group, a group of lines without the attribute)
	 */
	Optional<DifferenceCauses.Services> of(Provider provider, LocalDate first, LocalDate last, String groupBy,
			String key) {
		if (key.equals(ProviderCarbonQuery.NONE) || !Set.of("month", "account", "region").contains(groupBy)) {
			return Optional.empty();
		}
		LocalDate from = first;
		LocalDate to = last;
		if (groupBy.equals("month")) {
			YearMonth month = YearMonth.parse(key);
			from = month.atDay(1);
			to = month.atEndOfMonth();
		}
		String dimension = groupBy.equals("month") ? null : groupBy;
		Map<String, ProviderFigures> reported = new TreeMap<>();
		for (ProviderCarbonQuery.Group group : this.providers.byService(from, to, provider, dimension, key)) {
			reported.put(group.key(), group.kgCo2e());
		}
		Map<String, LedgerFigures> ledger = new TreeMap<>();
		for (String name : provider.ledgerNames()) {
			for (LedgerFilter filter : filters(provider, name, groupBy, key, from, to)) {
				for (FootprintQuery.Group group : this.footprint.query(from, to, Optional.of("service"), filter)) {
					if (group.rows() > 0) {
						ledger.merge(this.mappings.providerCode(provider, "service", group.key()),
								LedgerFigures.of(group), LedgerFigures::plus);
					}
				}
			}
		}
		return Optional.of(new DifferenceCauses.Services(reported, ledger));
	}

	/**
	 * The ledger's names of a provider's region code, as the ledger spells them (the code
	 * table matches names regardless of case).
	 */
	private List<String> regions(Provider provider, String name, String key, LocalDate from, LocalDate to) {
		return this.footprint
			.query(from, to, Optional.of("region"), new LedgerFilter(name, null, null, null, null, Set.of()))
			.stream()
			.map(FootprintQuery.Group::key)
			.filter(region -> this.mappings.providerCode(provider, "region", region).equals(key))
			.toList();
	}

	/** The ledger filters selecting the group's lines of one provider name. */
	private List<LedgerFilter> filters(Provider provider, String name, String groupBy, String key, LocalDate from,
			LocalDate to) {
		return switch (groupBy) {
			case "account" -> List.of(new LedgerFilter(name, key, null, null, null, Set.of()));
			case "region" -> regions(provider, name, key, from, to).stream()
				.map(region -> new LedgerFilter(name, null, region, null, null, Set.of()))
				.toList();
			default -> List.of(new LedgerFilter(name, null, null, null, null, Set.of()));
		};
	}

}
