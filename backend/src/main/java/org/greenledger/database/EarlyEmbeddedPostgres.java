package org.greenledger.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import org.greenledger.system.GreenLedgerProperties;

/**
 * Starts the embedded PostgreSQL in the background as soon as the configuration is known,
 * so that unpacking, initdb and server start overlap with the rest of start-up; the data
 * source takes the running server when it is created ({@link #take}). Does nothing when
 * {@code spring.datasource.url} names an external server, or when
 * {@code greenledger.embedded-postgres.start-early} is false.
 */
public class EarlyEmbeddedPostgres implements EnvironmentPostProcessor, Ordered {

	private static final Map<Path, CompletableFuture<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Binder binder = Binder.get(environment);
		GreenLedgerProperties greenLedger = binder.bindOrCreate("greenledger", GreenLedgerProperties.class);
		EmbeddedPostgresProperties properties = binder.bindOrCreate("greenledger.embedded-postgres",
				EmbeddedPostgresProperties.class);
		if (!properties.startEarly()) {
			return;
		}
		Path dataRoot = greenLedger.dataDirectory();
		STARTING.computeIfAbsent(dataRoot, root -> {
			CompletableFuture<EmbeddedPostgres> starting = new CompletableFuture<>();
			Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
				try {
					starting.complete(EmbeddedPostgres.start(root, properties.binariesDir(root), properties.port(),
							properties.database(), properties.startTimeout()));
				}
				catch (RuntimeException ex) {
					starting.completeExceptionally(ex);
				}
			});
			Runtime.getRuntime().addShutdownHook(new Thread(() -> closeUntaken(root, starting)));
			return starting;
		});
	}

	/**
	 * The server started early for this data root, waiting for it if needed; each start
	 * is taken once.
	 */
	static Optional<EmbeddedPostgres> take(Path dataRoot) {
		CompletableFuture<EmbeddedPostgres> starting = STARTING.remove(dataRoot);
		if (starting == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(starting.join());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** A start that no context took (start-up failed earlier) is stopped with the JVM. */
	private static void closeUntaken(Path root, CompletableFuture<EmbeddedPostgres> starting) {
		if (STARTING.remove(root, starting)) {
			starting.thenAccept(EmbeddedPostgres::close);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
