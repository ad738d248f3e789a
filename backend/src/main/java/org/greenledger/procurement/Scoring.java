package org.greenledger.procurement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.greenledger.system.ApiProblemException;
import org.greenledger.system.ApiProblemException.FieldProblem;
import org.springframework.stereotype.Service;

/** Scores supplier profiles given in requests (stateless). */
@Service
public class Scoring {

	private final Methodologies methodologies;

	private final Clock clock;

	Scoring(Methodologies methodologies, Clock clock) {
		this.methodologies = methodologies;
		this.clock = clock;
	}

	public SupplierScore score(ScoreRequest request) {
		Methodology methodology = this.methodologies.get(
				(request.methodology() != null) ? request.methodology() : Methodologies.DEFAULT,
				request.methodologyVersion());
		return Scorer.score(methodology, profile(request, methodology));
	}

	Map<String, ProfileValue> profile(ScoreRequest request, Methodology methodology) {
		Map<String, ProfileValue> profile = new HashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> evidence = (request.evidence() != null) ? request.evidence() : Map.of();
		if (request.profile() != null) {
			request.profile().forEach((key, value) -> {
				if (value instanceof Number number) {
					profile.put(key, ProfileValue.of(number.doubleValue(), evidence.get(key)));
				}
				else if (value instanceof String text) {
					profile.put(key, ProfileValue.of(text, evidence.get(key)));
				}
				else if (value instanceof Boolean flag) {
					profile.put(key, ProfileValue.of(flag ? "yes" : "no", evidence.get(key)));
				}
				else if (value != null) {
					problems.add(new FieldProblem("profile." + key, "a number, a text level or true/false"));
				}
			});
		}
		if (!problems.isEmpty()) {
			throw ApiProblemException.invalidFields(problems);
		}
		if (request.dataAsOf() != null && !profile.containsKey("data.age_years")) {
			double years = Math.max(0, ChronoUnit.DAYS.between(request.dataAsOf(), LocalDate.now(this.clock)) / 365.25);
			profile.put("data.age_years", ProfileValue.of(years, "data as of " + request.dataAsOf()));
		}
		return profile;
	}

}
