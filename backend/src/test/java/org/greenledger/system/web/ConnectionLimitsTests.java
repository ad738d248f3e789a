package org.greenledger.system.web;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.greenledger.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are read in 64 KiB blocks, one such buffer per open connection: the
 * number of connections is capped so that those buffers cannot take the heap.
 */
@IntegrationTest
class ConnectionLimitsTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void socketReadBuffersOfAllOpenConnectionsStayUnder64MiB() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		int readBuffer = Integer.parseInt(String.valueOf(connector.getProperty("socket.appReadBufSize")));
		int connections = Integer.parseInt(String.valueOf(connector.getProperty("maxConnections")));
		assertThat(readBuffer).isEqualTo(WebConfiguration.SOCKET_READ_BYTES);
		assertThat(connections).isEqualTo(1024);
		assertThat((long) readBuffer * connections).isLessThanOrEqualTo(64L << 20);
	}

}
