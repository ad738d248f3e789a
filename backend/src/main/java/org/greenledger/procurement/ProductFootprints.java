package org.greenledger.procurement;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.greenledger.procurement.pact.PactDocument;
import org.greenledger.procurement.pact.PactReader;
import org.greenledger.procurement.pact.PactValidationException;
import org.greenledger.procurement.pact.ProductFootprint;
import org.greenledger.system.ApiProblemException;
import org.greenledger.system.Sha256;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a supplier's PACT product footprints: the document is validated whole (an
 * invalid one is refused with the path of each bad field and nothing is stored), the
 * footprints are stored, and a disclosure version records what they say for scoring
 * (footprints available, their primary data share).
 */
@Service
public class ProductFootprints {

	private final Suppliers suppliers;

	private final JdbcClient jdbc;

	ProductFootprints(Suppliers suppliers, JdbcClient jdbc) {
		this.suppliers = suppliers;
		this.jdbc = jdbc;
	}

	/** A footprint as stored, for the supplier page and the API. */
	public record Stored(UUID footprintId, int disclosureVersion, String specVersion, String kind, String productName,
			String declaredUnit, double kgCo2ePerUnit, double kgCo2ePerProduct, Double primaryDataShare,
			String referencePeriod) {
	}

	@Transactional
	public SupplierDisclosure importPact(UUID supplierId, String fileName, byte[] json, String user) {
		Supplier supplier = this.suppliers.require(supplierId);
		PactDocument document;
		try {
			document = PactReader.read(fileName, new ByteArrayInputStream(json));
		}
		catch (PactValidationException ex) {
			ApiProblemException problem = new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, fileName
					+ ": the PACT document is invalid (" + ex.errors().size() + " problems); nothing was stored.");
			problem.getBody()
				.setProperty("errors",
						ex.errors()
							.stream()
							.map(error -> new ApiProblemException.FieldProblem(error.path(), error.message()).toMap())
							.toList());
			throw problem;
		}
		List<ProductFootprint> footprints = document.footprints();
		LocalDate from = footprints.stream()
			.map(footprint -> footprint.referencePeriodStart().atZone(ZoneOffset.UTC).toLocalDate())
			.min(LocalDate::compareTo)
			.orElseThrow();
		LocalDate to = footprints.stream()
			.map(footprint -> (footprint.validityPeriodEnd() != null) ? footprint.validityPeriodEnd()
					: footprint.referencePeriodEnd().plusSeconds(3L * 365 * 24 * 3600))
			.map(instant -> instant.atZone(ZoneOffset.UTC).toLocalDate())
			.max(LocalDate::compareTo)
			.orElseThrow();
		double primary = footprints.stream()
			.filter(footprint -> footprint.primaryDataShare() != null)
			.mapToDouble(footprint -> footprint.primaryDataShare().doubleValue())
			.average()
			.orElse(Double.NaN);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("embodied.pcf_available", "yes");
		if (!Double.isNaN(primary)) {
			values.put("embodied.primary_data_share", primary);
		}
		SupplierDisclosure disclosure = this.suppliers.disclose(supplier.id(), "PACT", values,
				"PACT document " + fileName + " (" + footprints.size() + " product footprint(s))", Sha256.hex(json),
				from, (to.isBefore(from)) ? from : to, user);
		for (ProductFootprint footprint : footprints) {
			this.jdbc
				.sql("""
						insert into supplier_product_footprint (supplier_id, footprint_id, disclosure_id, spec_version, kind,
						    product_name, product_ids, declared_unit, kg_co2e_per_unit, kg_co2e_per_product,
						    primary_data_share, reference_start, reference_end, document)
						values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
				.params(supplier.id(), footprint.id(), disclosure.id(), footprint.specVersion(),
						footprint.kind().name(), footprint.productName(),
						Methodologies.JSON.writeValueAsString(footprint.productIds()), footprint.declaredUnit().name(),
						footprint.kgCo2ePerDeclaredUnit().doubleValue(), footprint.kgCo2ePerProduct().doubleValue(),
						(footprint.primaryDataShare() != null) ? footprint.primaryDataShare().doubleValue() : null,
						Timestamp.from(footprint.referencePeriodStart()),
						Timestamp.from(footprint.referencePeriodEnd()),
						Methodologies.JSON.writeValueAsString(footprint))
				.update();
		}
		return disclosure;
	}

	public List<Stored> footprints(UUID supplierId) {
		return this.jdbc
			.sql("""
					select f.footprint_id, d.version, f.spec_version, f.kind, f.product_name, f.declared_unit,
					       f.kg_co2e_per_unit, f.kg_co2e_per_product, f.primary_data_share, f.reference_start, f.reference_end
					from supplier_product_footprint f join supplier_disclosure d on d.id = f.disclosure_id
					where f.supplier_id = ? order by d.version desc, f.product_name""")
			.param(supplierId)
			.query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getObject(9, Double.class),
					rs.getTimestamp(10).toInstant().atZone(ZoneOffset.UTC).toLocalDate() + " to "
							+ rs.getTimestamp(11).toInstant().atZone(ZoneOffset.UTC).toLocalDate()))
			.list();
	}

}
