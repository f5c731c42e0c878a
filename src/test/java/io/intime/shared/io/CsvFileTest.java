package io.intime.shared.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFileTest {

	static final List<String> KNOWN = List.of("name", "time_zone", "hq_location", "employee_count");
	static final Set<String> REQUIRED = Set.of("name", "time_zone");

	static CsvFile read(byte[] content) {
		return CsvFile.read(content, KNOWN, REQUIRED, Set.of("key"));
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsExcelsCsvUtf8WithByteOrderMarkCrlfAndQuotedCommasAndLineBreaks() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = utf8("Name,Time Zone,HQ-Location\r\n\"Zürich \"\"Alpha\"\" AG\",Europe/Zurich,\"Zürich, CH\"\r\n"
				+ "\"Two\r\nLines\",UTC,\r\n");
		byte[] content = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, content, 0, bom.length);
		System.arraycopy(body, 0, content, bom.length, body.length);

		CsvFile file = read(content);

		assertThat(file.problems()).isEmpty();
		assertThat(file.columns()).containsExactly("name", "time_zone", "hq_location");
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).get("name")).isEqualTo("Zürich \"Alpha\" AG");
		assertThat(file.rows().get(0).get("hq_location")).isEqualTo("Zürich, CH");
		assertThat(file.rows().get(1).get("name")).isEqualTo("Two\r\nLines");
		assertThat(file.rows()).extracting(CsvFile.Row::number).containsExactly(2, 3);
	}

	@Test
	void readsSemicolonSeparatedFilesInWindows1252AndSaysSo() {
		byte[] content = "name;time_zone\r\nSão Paulo Têxtil;America/Sao_Paulo\r\n"
			.getBytes(Charset.forName("windows-1252"));

		CsvFile file = read(content);

		assertThat(file.problems()).isEmpty();
		assertThat(file.rows().get(0).get("name")).isEqualTo("São Paulo Têxtil");
		assertThat(file.notes()).anyMatch(note -> note.contains("Windows-1252"));
	}

	@Test
	void skipsBlankRowsButKeepsTheSpreadsheetsRowNumbers() {
		CsvFile file = read(utf8("name,time_zone\nA,UTC\n,\n\nB,UTC\n"));

		assertThat(file.rows()).extracting(CsvFile.Row::number).containsExactly(2, 5);
	}

	@Test
	void refusesAHeaderWithoutARequiredColumn() {
		CsvFile file = read(utf8("name,zone\nAcme,UTC\n"));

		assertThat(file.problems()).singleElement().asString().contains("no “time_zone” column");
		assertThat(file.rows()).isEmpty();
	}

	@Test
	void refusesADuplicatedColumnAndNotesUnknownOnesButNotExportColumns() {
		assertThat(read(utf8("name,time_zone,Name\nA,UTC,B\n")).problems()).singleElement()
			.asString()
			.contains("twice");

		CsvFile file = read(utf8("key,name,time_zone,favourite_colour\nACC-1,A,UTC,blue\n"));
		assertThat(file.problems()).isEmpty();
		assertThat(file.notes()).singleElement().asString().contains("favourite_colour").doesNotContain("key");
	}

	@Test
	void refusesEmptyFilesHeaderOnlyFilesAndWorkbooks() {
		assertThat(read(new byte[0]).problems()).singleElement().asString().contains("empty");
		assertThat(read(utf8("name,time_zone\r\n")).problems()).singleElement().asString().contains("no rows");
		assertThat(read(new byte[] { 'P', 'K', 3, 4, 0, 0 }).problems()).singleElement().asString().contains(".xlsx");
	}

	@Test
	void refusesMoreThanTwentyThousandRowsAndMoreThanFiveMegabytes() {
		StringBuilder csv = new StringBuilder("name,time_zone\n");
		for (int i = 0; i <= CsvFile.MAX_ROWS; i++) {
			csv.append("A").append(i).append(",UTC\n");
		}
		assertThat(read(utf8(csv.toString())).problems()).singleElement().asString().contains("more than 20,000 rows");

		byte[] large = new byte[CsvFile.MAX_BYTES + 1];
		assertThat(read(large).problems()).singleElement().asString().contains("larger than 5 MB");
	}

	@Test
	void reportsAnUnclosedQuote() {
		assertThat(read(utf8("name,time_zone\n\"Acme,UTC\n")).problems()).singleElement()
			.asString()
			.contains("not valid CSV");
	}

	@Test
	void formulasAreNeutralizedOnExportAndRestoredOnImport() {
		assertThat(CsvFile.neutralize("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(CsvFile.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvFile.neutralize("-2+3+cmd|' /C calc'!A0")).startsWith("'");
		assertThat(CsvFile.neutralize("+1 (512) 555-0100")).isEqualTo("+1 (512) 555-0100");
		assertThat(CsvFile.neutralize("Acme")).isEqualTo("Acme");

		CsvFile file = read(utf8("name,time_zone\n\"'=HYPERLINK(\"\"x\"\")\",UTC\n'tHooft,UTC\n"));
		assertThat(file.rows()).extracting(row -> row.get("name")).containsExactly("=HYPERLINK(\"x\")", "'tHooft");
	}

}
