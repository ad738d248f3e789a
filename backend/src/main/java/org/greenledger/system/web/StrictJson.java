package org.greenledger.system.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's JSON mapper (API request bodies) reads strictly: an object with a key
 * twice, a number where an enum name belongs ({@code {"roles":[0]}}), a number where
 * {@code true}/{@code false} belongs, a string where a number belongs (or the reverse), a
 * fraction where a whole number belongs, a number beyond the range of a double, text
 * after the JSON value, and a string with a NUL character are refused with the field
 * named (see {@link UnreadableBodies}) instead of being guessed at.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictJsonMapper() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("greenledger-strict-values").addDeserializer(String.class, new NulFreeStrings())
				.addDeserializer(Double.class, new FiniteDoubles(Double.class, null))
				.addDeserializer(Double.TYPE, new FiniteDoubles(Double.TYPE, 0.0)));
	}

	/**
	 * Numbers as Jackson reads them, refusing one too large for a double ({@code 1e400}
	 * would otherwise become infinity).
	 */
	static final class FiniteDoubles extends NumberDeserializers.DoubleDeserializer {

		FiniteDoubles(Class<Double> type, @Nullable Double empty) {
			super(type, empty);
		}

		@Override
		public Double deserialize(JsonParser parser, DeserializationContext context) {
			Double value = super.deserialize(parser, context);
			if (value != null && !Double.isFinite(value)) {
				throw InvalidFormatException.from(parser, UnreadableBodies.OUT_OF_RANGE, parser.getString(),
						Double.class);
			}
			return value;
		}

	}

	/**
	 * Strings as Jackson reads them, refusing a NUL character (PostgreSQL cannot store
	 * it).
	 */
	static final class NulFreeStrings extends StdScalarDeserializer<String> {

		NulFreeStrings() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				throw InvalidFormatException.from(parser, UnreadableBodies.NUL, value, String.class);
			}
			return value;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

	}

}
