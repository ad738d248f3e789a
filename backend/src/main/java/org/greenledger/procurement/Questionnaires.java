package org.greenledger.procurement;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.greenledger.procurement.questionnaire.Answer;
import org.greenledger.procurement.questionnaire.QuestionnaireAnswers;
import org.greenledger.procurement.questionnaire.QuestionnaireReader;
import org.greenledger.procurement.questionnaire.QuestionnaireRejectedException;
import org.greenledger.procurement.questionnaire.QuestionnaireTemplate;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Excel supplier questionnaire: the template for a supplier, and a filled-in file
 * turned into a disclosure version (refused whole, with the cell of each problem, when
 * anything is wrong). Answers are mapped to the scoring criteria's keys; answers no
 * criterion uses are kept in the disclosure as they are.
 */
@Service
public class Questionnaires {

	/** Question ids whose criterion key differs. */
	static final Map<String, String> CRITERIA = Map.of("water.wue", "facility.wue", "water.site_stress", "water.stress",
			"hardware.lifetime", "hardware.lifetime_years", "circularity.reused_share", "hardware.reuse_share",
			"targets.science_based", "targets.sbti", "targets.reduction_vs_base_year", "targets.reduction_progress",
			"assurance.level", "disclosure.assurance", "disclosure.cdp_climate_score", "disclosure.cdp_score");

	private final Suppliers suppliers;

	Questionnaires(Suppliers suppliers) {
		this.suppliers = suppliers;
	}

	public byte[] template(UUID supplierId) {
		Supplier supplier = this.suppliers.require(supplierId);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			new QuestionnaireTemplate().write(supplier.type(), supplier.name(), out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write the questionnaire: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	@Transactional
	public SupplierDisclosure importAnswers(UUID supplierId, String fileName, byte[] content, String user) {
		Supplier supplier = this.suppliers.require(supplierId);
		QuestionnaireAnswers answers;
		try {
			answers = new QuestionnaireReader().read(fileName, new ByteArrayInputStream(content), supplier.type());
		}
		catch (QuestionnaireRejectedException ex) {
			ApiProblemException problem = new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
					fileName + ": the questionnaire was not accepted (" + ex.problems().size()
							+ " problems); nothing was stored.");
			problem.getBody()
				.setProperty("errors",
						ex.problems()
							.stream()
							.map(p -> new ApiProblemException.FieldProblem(
									String.valueOf((p.cell() != null) ? p.cell() : "file"),
									((p.questionId() != null) ? "[" + p.questionId() + "] " : "") + p.reason())
								.toMap())
							.toList());
			throw problem;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		LocalDate asOf = null;
		for (Answer answer : answers.answers().values()) {
			String key = CRITERIA.getOrDefault(answer.questionId(), answer.questionId());
			switch (answer) {
				case Answer.Numeric numeric -> values.put(key, numeric.value().doubleValue());
				case Answer.YesNo yesNo -> values.put(key, yesNo.value() ? "yes" : "no");
				case Answer.Choice choice -> values.put(key, choice.value());
				case Answer.Text text -> values.put(key, text.value());
				case Answer.Date date -> {
					values.put(key, date.value().toString());
					if (answer.questionId().equals("reporting.data_as_of")) {
						asOf = date.value();
					}
				}
			}
		}
		if (!values.containsKey("energy.carbon_free_share")
				&& values.get("energy.renewable_share") instanceof Double share) {
			values.put("energy.carbon_free_share", share);
		}
		LocalDate from = (asOf != null) ? asOf : LocalDate.now(ZoneOffset.UTC);
		return this.suppliers.disclose(supplier.id(), "QUESTIONNAIRE", values,
				"Supplier questionnaire " + fileName + " (" + answers.version() + ")", Sha256.hex(content), from,
				from.plusYears(1).minusDays(1), user);
	}

}
