/**
 * GreenLedger's supplier questionnaire as an Excel workbook: the versioned question set
 * per {@link org.greenledger.procurement.SupplierType} ({@link QuestionnaireDefinition}),
 * the blank template a supplier fills in ({@link QuestionnaireTemplate}) and the strict,
 * hostile-file-safe reader of the returned workbook ({@link QuestionnaireReader}). Plain
 * Java and Apache POI; see docs/formats/supplier-questionnaire.md.
 */
@NullMarked
package org.greenledger.procurement.questionnaire;

import org.jspecify.annotations.NullMarked;
