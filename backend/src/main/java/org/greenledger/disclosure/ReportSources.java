package org.greenledger.disclosure;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.greenledger.ingestion.UploadedFiles;
import org.greenledger.ledger.SourceJobs;
import org.greenledger.reports.Provenance;
import org.greenledger.sites.Site;
import org.greenledger.sites.Sites;
import org.springframework.stereotype.Component;

/**
 * The source files of a period, for a report's provenance: the uploads the ledger's
 * billing sums and measured lines of the period come from (of the org unit's activity and
 * sites only, for a report of one unit), named and hashed as ingestion stored them.
 */
@Component
class ReportSources {

	private final SourceJobs jobs;

	private final UploadedFiles files;

	private final Sites sites;

	ReportSources(SourceJobs jobs, UploadedFiles files, Sites sites) {
		this.jobs = jobs;
		this.files = files;
		this.sites = sites;
	}

	List<Provenance.SourceFile> files(LocalDate from, LocalDate to, @Nullable String orgUnit) {
		Set<UUID> jobs = new LinkedHashSet<>(this.jobs.billing(from, to, orgUnit));
		List<UUID> sites = (orgUnit != null)
				? this.sites.all().stream().filter(site -> orgUnit.equals(site.orgUnit())).map(Site::id).toList()
				: null;
		jobs.addAll(this.jobs.measured(from, to, sites));
		return this.files.sourceFiles(jobs)
			.stream()
			.map(file -> new Provenance.SourceFile(file.fileName(), file.sha256()))
			.toList();
	}

}
