package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;

/**
 * The ESRS text a document follows, with the reference of each figure GreenLedger
 * reports. The first set (Delegated Regulation (EU) 2023/2772) applies to financial years
 * before 2027; the revised standards (the Commission's delegated regulation amending
 * 2023/2772, on EFRAG's technical advice of 3 December 2025) apply from financial year
 * 2027. References of the revised text that the sources found did not show are marked "to
 * be confirmed against the adopted text" (docs/reports.md lists what was found where).
 */
enum EsrsVersion {

	/** Commission Delegated Regulation (EU) 2023/2772, Annex I, as first adopted. */
	ESRS_2023("2023", "Commission Delegated Regulation (EU) 2023/2772, Annex I (ESRS Set 1)"),

	/** The revised ESRS, applicable from financial year 2027. */
	ESRS_2027("2027", "revised ESRS: Commission Delegated Regulation (EU) 2026/1563 amending Delegated Regulation"
			+ " (EU) 2023/2772, adopted 3 July 2026, published in the Official Journal on 21 September 2026 (number and"
			+ " dates as quoted by secondary sources; the Official Journal text itself was not read), on EFRAG's"
			+ " technical advice of 3 December 2025");

	static final String TO_CONFIRM = "to be confirmed against the adopted text";

	/** The first financial year the revised standards are mandatory for. */
	static final int REVISED_FROM = 2027;

	private final String code;

	private final String text;

	EsrsVersion(String code, String text) {
		this.code = code;
		this.text = text;
	}

	String code() {
		return this.code;
	}

	/** The legal text, for the document's title and methodology. */
	String text() {
		return this.text;
	}

	/**
	 * The version asked for ({@code 2023} or {@code 2027}), else the one applying to the
	 * financial year of the report's first day.
	 */
	static EsrsVersion choose(@Nullable String requested, LocalDate firstDay) {
		if (requested == null || requested.isBlank()) {
			return (firstDay.getYear() >= REVISED_FROM) ? ESRS_2027 : ESRS_2023;
		}
		String value = requested.strip().toUpperCase(Locale.ROOT).replace("ESRS_", "").replace("ESRS", "");
		for (EsrsVersion version : values()) {
			if (version.code.equals(value.strip())) {
				return version;
			}
		}
		throw ApiProblemException.invalidFields(List.of(new FieldProblem("esrsVersion",
				"2023 (Delegated Regulation (EU) 2023/2772 as first adopted) or 2027 (the revised ESRS)")));
	}

	/** The disclosure requirement a figure belongs to, for example {@code E1-8}. */
	String requirement(EsrsFigure figure) {
		return switch (figure.topic()) {
			case ENERGY -> (this == ESRS_2023) ? "E1-5" : "E1-7";
			case GHG -> (this == ESRS_2023) ? "E1-6" : "E1-8";
			case WATER -> "E3-4";
		};
	}

	/**
	 * Where the text asks for the figure: standard, disclosure requirement, paragraph.
	 */
	String reference(EsrsFigure figure) {
		String requirement = "ESRS " + requirement(figure);
		if (this == ESRS_2023) {
			return requirement + " " + switch (figure) {
				case ENERGY_TOTAL -> "§37";
				case ENERGY_FOSSIL -> "§37(a)";
				case ENERGY_NUCLEAR -> "§37(b)";
				case ENERGY_RENEWABLE -> "§37(c)";
				case ENERGY_RENEWABLE_PURCHASED -> "§37(c)(ii)";
				case ENERGY_RENEWABLE_SELF_GENERATED -> "§37(c)(iii)";
				case SCOPE1 -> "§44(a)";
				case SCOPE2_LOCATION -> "§44(b), §49(a)";
				case SCOPE2_MARKET -> "§44(b), §49(b)";
				case SCOPE3, SCOPE3_CATEGORY_1, SCOPE3_CATEGORY_2 -> "§44(c), §51";
				case TOTAL_LOCATION -> "§44(d), §52(a)";
				case TOTAL_MARKET -> "§44(d), §52(b)";
				case INTENSITY_LOCATION -> "§53-54 (EFRAG IG 3 datapoint E1-6_30)";
				case INTENSITY_MARKET -> "§53-54";
				case WATER_CONSUMPTION -> "§28(a)";
			};
		}
		return requirement + " " + switch (figure) {
			case ENERGY_TOTAL, ENERGY_FOSSIL, ENERGY_NUCLEAR, ENERGY_RENEWABLE -> "§26";
			case ENERGY_RENEWABLE_PURCHASED, ENERGY_RENEWABLE_SELF_GENERATED ->
				"§26 (sub-paragraph of the renewable breakdown " + TO_CONFIRM + ")";
			case SCOPE1, SCOPE2_LOCATION, SCOPE2_MARKET, SCOPE3, SCOPE3_CATEGORY_1, SCOPE3_CATEGORY_2 -> "§30(a)";
			case TOTAL_LOCATION, TOTAL_MARKET, INTENSITY_LOCATION, INTENSITY_MARKET -> "(paragraph " + TO_CONFIRM + ")";
			case WATER_CONSUMPTION -> "§16(a)";
		};
	}

	/** How far the reference was confirmed in the sources found. */
	String confirmation(EsrsFigure figure) {
		if (this == ESRS_2023) {
			return "Delegated Regulation (EU) 2023/2772 text";
		}
		return switch (figure) {
			case TOTAL_LOCATION, TOTAL_MARKET, INTENSITY_LOCATION, INTENSITY_MARKET ->
				"paragraph and datapoint id " + TO_CONFIRM;
			case ENERGY_RENEWABLE_PURCHASED, ENERGY_RENEWABLE_SELF_GENERATED ->
				"§26 as quoted by a secondary source of the adopted text; the breakdown's sub-paragraph and EFRAG"
						+ " datapoint id " + TO_CONFIRM;
			default -> "paragraph as quoted by a secondary source of the adopted text (not the Official Journal);"
					+ " EFRAG datapoint id " + TO_CONFIRM;
		};
	}

	/** The key of the figure in the report's figures (kept stable for the 2023 text). */
	String key(EsrsFigure figure) {
		return requirement(figure) + " " + figure.label() + " (" + figure.unit() + ")";
	}

}
