package org.greenledger.core.cloudwatch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.greenledger.core.measured.MonitoredInstance;
import org.greenledger.core.table.InvalidFileException;

/**
 * The instance a CloudWatch answer is about, which the answer itself does not say (the
 * command named it): given with the upload, in the upload's {@code host} field, as
 * {@code instance_id=i-...,instance_type=m5.4xlarge,region=us-east-1[,account_id=...]}
 * (the label names of Prometheus' EC2 service discovery after the usual relabeling).
 */
final class InstanceDescriptor {

	static final String EXAMPLE = "instance_id=i-0123456789abcdef0,instance_type=m5.4xlarge,region=us-east-1,"
			+ "account_id=123456789012";

	private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");

	private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	private InstanceDescriptor() {
	}

	static MonitoredInstance parse(String fileName, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw invalid(fileName, "the upload does not name the instance (a get-metric-statistics answer does not"
					+ " say which instance it measured)");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String part : text.split(",")) {
			int equals = part.indexOf('=');
			if (equals <= 0) {
				throw invalid(fileName, "'" + part.strip() + "' is not a name=value pair");
			}
			String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
			if (values.put(name, part.substring(equals + 1).strip()) != null) {
				throw invalid(fileName, name + " is given twice");
			}
		}
		String id = required(fileName, values, "instance_id", INSTANCE_ID, "an EC2 instance id such as i-0abc12345");
		String type = required(fileName, values, "instance_type", INSTANCE_TYPE, "an instance type such as m5.4xlarge");
		String region = required(fileName, values, "region", REGION, "an AWS region code such as us-east-1");
		String account = values.remove("account_id");
		if (account != null && !ACCOUNT.matcher(account).matches()) {
			throw invalid(fileName, "account_id '" + account + "' is not a 12-digit AWS account id");
		}
		if (!values.isEmpty()) {
			throw invalid(fileName, "unknown name(s) " + String.join(", ", values.keySet())
					+ "; expected instance_id, instance_type, region and account_id");
		}
		return new MonitoredInstance("aws", account, region, id, type);
	}

	private static String required(String fileName, Map<String, String> values, String name, Pattern pattern,
			String what) {
		String value = values.remove(name);
		if (value == null || value.isEmpty()) {
			throw invalid(fileName, name + " is missing");
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (!pattern.matcher(lower).matches()) {
			throw invalid(fileName, name + " '" + value + "' is not " + what);
		}
		return lower;
	}

	private static InvalidFileException invalid(String fileName, String reason) {
		return new InvalidFileException(fileName + ": " + reason + "; name it in the upload's host field as " + EXAMPLE
				+ " (account_id optional)");
	}

}
