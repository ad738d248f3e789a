package org.greenledger.audit.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The page an audit event's subject names, for the audit log's links: an upload's job
 * page, an evaluation, a report, a site, a supplier, a workload or a connector; null for
 * a subject without a page (a user, a factor set).
 */
public final class AuditSubjectLinks {

	private static final String UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

	private static final List<Link> LINKS = List.of(new Link("^ingestion(?: job |:)" + UUID + "$", "/data-sources/"),
			new Link("^evaluation:" + UUID + "$", "/evaluations/"), new Link("^report:" + UUID + "$", "/reports/"),
			new Link("^supplier:" + UUID + "$", "/suppliers/"), new Link("^workload:" + UUID + "$", "/workloads/"),
			new Link("^connector " + UUID + "$", "/connectors/"), new Link("^site:([A-Za-z0-9._-]+)$", "/sites/"));

	private AuditSubjectLinks() {
	}

	/** The path of the subject's page, or null. */
	public static @Nullable String of(@Nullable String subject) {
		if (subject == null) {
			return null;
		}
		for (Link link : LINKS) {
			Matcher matcher = link.pattern().matcher(subject);
			if (matcher.matches()) {
				return link.path() + matcher.group(1);
			}
		}
		return null;
	}

	private record Link(Pattern pattern, String path) {

		Link(String pattern, String path) {
			this(Pattern.compile(pattern), path);
		}

	}

}
