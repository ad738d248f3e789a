package org.greenledger.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Which node of a cluster this process is: {@code greenledger.node-id}, by default the
 * host name and the process id. Shown in {@code /actuator/info} and recorded on every
 * ingestion job the node works on.
 */
@Component
public class NodeIdentity implements InfoContributor {

	private final String id;

	NodeIdentity(@Value("${greenledger.node-id:}") String configured) {
		this.id = configured.isBlank() ? hostName() + "-" + ProcessHandle.current().pid() : configured.strip();
	}

	/** The node's identity. */
	public String id() {
		return this.id;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("node", Map.of("id", this.id));
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
