package org.greenledger.core.table;

import java.util.Arrays;
import java.util.List;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Assembles each Parquet record straight into a row of text cells, one per top-level
 * column: primitive columns as {@link ParquetValues} text (dictionary-encoded values
 * converted once per dictionary entry), maps, lists, structs and repeated columns as JSON
 * text.
 */
final class ParquetRows extends RecordMaterializer<List<String>> {

	private static final ObjectWriter JSON = IngestionJson.MAPPER.writer()
		.with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

	private final Row row;

	ParquetRows(MessageType schema, int maxValuesPerRow) {
		this.row = new Row(schema, new ValueBudget(maxValuesPerRow));
	}

	@Override
	public List<String> getCurrentRecord() {
		return Arrays.asList(this.row.cells);
	}

	@Override
	public GroupConverter getRootConverter() {
		return this.row;
	}

	private static final class Row extends GroupConverter {

		private final Converter[] columns;

		private final boolean[] repeated;

		private final JsonNode[] nested;

		private final ValueBudget budget;

		private String[] cells;

		Row(MessageType schema, ValueBudget budget) {
			int count = schema.getFieldCount();
			this.budget = budget;
			this.columns = new Converter[count];
			this.repeated = new boolean[count];
			this.nested = new JsonNode[count];
			this.cells = new String[count];
			for (int i = 0; i < count; i++) {
				Type field = schema.getType(i);
				int index = i;
				this.repeated[i] = field.isRepetition(Repetition.REPEATED);
				if (field.isPrimitive() && !this.repeated[i]) {
					this.columns[i] = new TextCell(field.asPrimitiveType(), index);
				}
				else if (this.repeated[i]) {
					this.columns[i] = JsonConverters.of(field, (value) -> ((ArrayNode) this.nested[index]).add(value),
							budget, 1);
				}
				else {
					this.columns[i] = JsonConverters.of(field, (value) -> this.nested[index] = value, budget, 1);
				}
			}
		}

		@Override
		public Converter getConverter(int fieldIndex) {
			return this.columns[fieldIndex];
		}

		@Override
		public void start() {
			this.cells = new String[this.columns.length];
			this.budget.reset();
			for (int i = 0; i < this.nested.length; i++) {
				this.nested[i] = this.repeated[i] ? JsonNodeFactory.instance.arrayNode() : null;
			}
		}

		@Override
		public void end() {
			for (int i = 0; i < this.nested.length; i++) {
				if (this.nested[i] != null) {
					this.cells[i] = JSON.writeValueAsString(this.nested[i]);
				}
			}
		}

		/** A top-level primitive column. */
		private final class TextCell extends PrimitiveConverter {

			private final PrimitiveType type;

			private final int index;

			private Dictionary dictionary;

			private String[] dictionaryTexts = new String[0];

			TextCell(PrimitiveType type, int index) {
				this.type = type;
				this.index = index;
			}

			private void set(String text) {
				Row.this.budget.spend();
				Row.this.cells[this.index] = text;
			}

			@Override
			public boolean hasDictionarySupport() {
				return true;
			}

			@Override
			public void setDictionary(Dictionary dictionary) {
				this.dictionary = dictionary;
				this.dictionaryTexts = new String[dictionary.getMaxId() + 1];
			}

			@Override
			public void addValueFromDictionary(int dictionaryId) {
				String text = this.dictionaryTexts[dictionaryId];
				if (text == null) {
					text = decode(dictionaryId);
					this.dictionaryTexts[dictionaryId] = text;
				}
				set(text);
			}

			private String decode(int id) {
				return switch (this.type.getPrimitiveTypeName()) {
					case INT32 -> ParquetValues.text(this.type, this.dictionary.decodeToInt(id));
					case INT64 -> ParquetValues.text(this.type, this.dictionary.decodeToLong(id));
					case FLOAT -> ParquetValues.text(this.dictionary.decodeToFloat(id));
					case DOUBLE -> ParquetValues.text(this.dictionary.decodeToDouble(id));
					case BOOLEAN -> ParquetValues.text(this.dictionary.decodeToBoolean(id));
					case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 ->
						ParquetValues.text(this.type, this.dictionary.decodeToBinary(id));
				};
			}

			@Override
			public void addBinary(Binary value) {
				set(ParquetValues.text(this.type, value));
			}

			@Override
			public void addBoolean(boolean value) {
				set(ParquetValues.text(value));
			}

			@Override
			public void addDouble(double value) {
				set(ParquetValues.text(value));
			}

			@Override
			public void addFloat(float value) {
				set(ParquetValues.text(value));
			}

			@Override
			public void addInt(int value) {
				set(ParquetValues.text(this.type, value));
			}

			@Override
			public void addLong(long value) {
				set(ParquetValues.text(this.type, value));
			}

		}

	}

}
