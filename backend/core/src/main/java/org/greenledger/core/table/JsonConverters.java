package org.greenledger.core.table;

import java.util.function.Consumer;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assembles a nested Parquet value as a JSON tree: a MAP as an object (keys as text), a
 * LIST as an array (the standard three-level layout and the legacy two-level ones), any
 * other group as an object of its fields (absent fields left out), a repeated field as an
 * array (left out when empty).
 */
final class JsonConverters {

	/** Deeper schemas are refused: no export nests more than a few levels. */
	static final int MAX_DEPTH = 32;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonConverters() {
	}

	/** A converter that hands each complete value of {@code type} to {@code target}. */
	static Converter of(Type type, Consumer<JsonNode> target, ValueBudget budget, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalArgumentException("the schema nests more than " + MAX_DEPTH + " levels");
		}
		if (type.isPrimitive()) {
			return new Primitive(type.asPrimitiveType(), target, budget);
		}
		GroupType group = type.asGroupType();
		LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
		boolean oneRepeated = group.getFieldCount() == 1 && group.getType(0).isRepetition(Repetition.REPEATED);
		if (annotation instanceof ListLogicalTypeAnnotation && oneRepeated) {
			return new ListValue(group, target, budget, depth);
		}
		if ((annotation instanceof MapLogicalTypeAnnotation || annotation instanceof MapKeyValueTypeAnnotation)
				&& oneRepeated && !group.getType(0).isPrimitive()) {
			return new MapValue(group.getType(0).asGroupType(), target, budget, depth);
		}
		return new Struct(group, target, budget, depth);
	}

	private static final class Primitive extends PrimitiveConverter {

		private final PrimitiveType type;

		private final Consumer<JsonNode> target;

		private final ValueBudget budget;

		Primitive(PrimitiveType type, Consumer<JsonNode> target, ValueBudget budget) {
			this.type = type;
			this.target = target;
			this.budget = budget;
		}

		private void emit(String text) {
			this.budget.spend();
			this.target.accept(ParquetValues.json(this.type, text));
		}

		@Override
		public void addBinary(Binary value) {
			emit(ParquetValues.text(this.type, value));
		}

		@Override
		public void addBoolean(boolean value) {
			emit(ParquetValues.text(value));
		}

		@Override
		public void addDouble(double value) {
			emit(ParquetValues.text(value));
		}

		@Override
		public void addFloat(float value) {
			emit(ParquetValues.text(value));
		}

		@Override
		public void addInt(int value) {
			emit(ParquetValues.text(this.type, value));
		}

		@Override
		public void addLong(long value) {
			emit(ParquetValues.text(this.type, value));
		}

	}

	/** A group as an object of its fields; repeated fields as arrays. */
	private static final class Struct extends GroupConverter {

		private final Consumer<JsonNode> target;

		private final Converter[] fields;

		private ObjectNode node = NODES.objectNode();

		Struct(GroupType type, Consumer<JsonNode> target, ValueBudget budget, int depth) {
			this.target = target;
			this.fields = new Converter[type.getFieldCount()];
			for (int i = 0; i < this.fields.length; i++) {
				Type field = type.getType(i);
				String name = field.getName();
				Consumer<JsonNode> into = field.isRepetition(Repetition.REPEATED) ? (value) -> append(name, value)
						: (value) -> this.node.set(name, value);
				this.fields[i] = of(field, into, budget, depth + 1);
			}
		}

		private void append(String name, JsonNode value) {
			JsonNode values = this.node.get(name);
			((values instanceof ArrayNode array) ? array : this.node.putArray(name)).add(value);
		}

		@Override
		public Converter getConverter(int fieldIndex) {
			return this.fields[fieldIndex];
		}

		@Override
		public void start() {
			this.node = NODES.objectNode();
		}

		@Override
		public void end() {
			this.target.accept(this.node);
		}

	}

	/** A LIST: an array of its elements. */
	private static final class ListValue extends GroupConverter {

		private final Consumer<JsonNode> target;

		private final Converter elements;

		private ArrayNode array = NODES.arrayNode();

		ListValue(GroupType list, Consumer<JsonNode> target, ValueBudget budget, int depth) {
			this.target = target;
			Type repeated = list.getType(0);
			Consumer<JsonNode> add = (value) -> this.array.add(value);
			if (isElement(list, repeated)) {
				this.elements = of(repeated, add, budget, depth + 1);
			}
			else {
				this.elements = new Element(repeated.asGroupType().getType(0), add, budget, depth + 1);
			}
		}

		/** The backward-compatibility rules of the Parquet LIST type. */
		private static boolean isElement(GroupType list, Type repeated) {
			return repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1
					|| repeated.getName().equals("array") || repeated.getName().equals(list.getName() + "_tuple");
		}

		@Override
		public Converter getConverter(int fieldIndex) {
			return this.elements;
		}

		@Override
		public void start() {
			this.array = NODES.arrayNode();
		}

		@Override
		public void end() {
			this.target.accept(this.array);
		}

	}

	/** The repeated group of a three-level LIST: one element, null when absent. */
	private static final class Element extends GroupConverter {

		private final Consumer<JsonNode> target;

		private final Converter element;

		private JsonNode value = NODES.nullNode();

		Element(Type element, Consumer<JsonNode> target, ValueBudget budget, int depth) {
			this.target = target;
			this.element = of(element, (value) -> this.value = value, budget, depth + 1);
		}

		@Override
		public Converter getConverter(int fieldIndex) {
			return this.element;
		}

		@Override
		public void start() {
			this.value = NODES.nullNode();
		}

		@Override
		public void end() {
			this.target.accept(this.value);
		}

	}

	/** A MAP: an object from each key (as text) to its value (null when absent). */
	private static final class MapValue extends GroupConverter {

		private final Consumer<JsonNode> target;

		private final Converter entries;

		private ObjectNode node = NODES.objectNode();

		private JsonNode key = NODES.nullNode();

		private JsonNode value = NODES.nullNode();

		MapValue(GroupType keyValue, Consumer<JsonNode> target, ValueBudget budget, int depth) {
			this.target = target;
			Converter[] parts = new Converter[keyValue.getFieldCount()];
			for (int i = 0; i < parts.length; i++) {
				Consumer<JsonNode> into = (i == 0) ? (part) -> this.key = part : (part) -> this.value = part;
				parts[i] = of(keyValue.getType(i), into, budget, depth + 2);
			}
			this.entries = new GroupConverter() {

				@Override
				public Converter getConverter(int fieldIndex) {
					return parts[fieldIndex];
				}

				@Override
				public void start() {
					MapValue.this.key = NODES.nullNode();
					MapValue.this.value = NODES.nullNode();
				}

				@Override
				public void end() {
					JsonNode entryKey = MapValue.this.key;
					if (!entryKey.isNull()) {
						String name = entryKey.isString() ? entryKey.asString() : entryKey.toString();
						MapValue.this.node.set(name, MapValue.this.value);
					}
				}

			};
		}

		@Override
		public Converter getConverter(int fieldIndex) {
			return this.entries;
		}

		@Override
		public void start() {
			this.node = NODES.objectNode();
		}

		@Override
		public void end() {
			this.target.accept(this.node);
		}

	}

}
