package io.intime.workflows.files;

import java.util.List;

import io.intime.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A step's upload rules, their defaults, sizes in words and file names made safe. */
class UploadRulesTest {

	@Test
	void aStepThatNamesNothingGetsTheDefaults() {
		UploadRules rules = UploadRules.of(List.of(), 0);
		assertThat(rules.allowedExtensions()).containsExactly("pdf", "docx", "xlsx", "pptx", "csv", "txt", "png", "jpg",
				"jpeg");
		assertThat(rules.maxBytes()).isEqualTo(20L * 1024 * 1024);
		assertThat(rules.maxSizeText()).isEqualTo("20 MB");
		assertThat(UploadRules.of(null, -1)).isEqualTo(rules);
		assertThat(UploadRules.of(List.of(" ", ""), 0)).isEqualTo(rules);
	}

	@Test
	void aStepsOwnTypesAreNormalizedAndItsSizeKept() {
		UploadRules rules = UploadRules.of(List.of(".PDF", "xlsx", "pdf"), 5 * 1024 * 1024);
		assertThat(rules.allowedExtensions()).containsExactly("pdf", "xlsx");
		assertThat(rules.allows("PDF")).isTrue();
		assertThat(rules.allows(".xlsx")).isTrue();
		assertThat(rules.allows("docx")).isFalse();
		assertThat(rules.accept()).isEqualTo(".pdf,.xlsx");
		assertThat(rules.maxSizeText()).isEqualTo("5 MB");
		assertThat(UploadRules.of(List.of(), 0, 50L * 1024 * 1024).maxSizeText()).isEqualTo("50 MB");
	}

	@Test
	void sizesReadAsPeopleSayThem() {
		assertThat(FileSizes.text(512)).isEqualTo("512 bytes");
		assertThat(FileSizes.text(840 * 1024)).isEqualTo("840 KB");
		assertThat(FileSizes.text(26_528_973)).isEqualTo("25.3 MB");
		assertThat(FileSizes.text(20L * 1024 * 1024)).isEqualTo("20 MB");
	}

	@Test
	void fileNamesLoseTheirFoldersAndHiddenCharacters() {
		assertThat(WorkflowFiles.sanitize("../../etc/Contract.pdf")).isEqualTo("Contract.pdf");
		assertThat(WorkflowFiles.sanitize("C:\\Users\\dana\\Q3 usage.xlsx")).isEqualTo("Q3 usage.xlsx");
		assertThat(WorkflowFiles.sanitize("report\u202Efdp.exe")).isEqualTo("reportfdp.exe");
		assertThat(WorkflowFiles.sanitize("..hidden.pdf")).isEqualTo("hidden.pdf");
		assertThat(WorkflowFiles.sanitize("a:b*c?.txt")).isEqualTo("a_b_c_.txt");
		assertThat(WorkflowFiles.sanitize("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
		assertThat(WorkflowFiles.extension("Offer.PDF")).isEqualTo("pdf");
		assertThat(WorkflowFiles.extension("README")).isEmpty();
		assertThatThrownBy(() -> WorkflowFiles.sanitize("/tmp/")).isInstanceOf(InvalidInputException.class)
			.hasMessage("file: has no file name");
	}

}
