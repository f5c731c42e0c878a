package io.intime.workflows.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import io.intime.workflows.esign.SamplePdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each accepted type is opened for what it claims to be; a file that is not is named. */
class FileContentsTest {

	@Test
	void acceptsRealFilesOfEachType() throws IOException {
		assertThat(FileContents.problem("pdf", SamplePdfs.document("Invoice", 1))).isEmpty();
		assertThat(FileContents.problem("docx", docx())).isEmpty();
		assertThat(FileContents.problem("xlsx", xlsx())).isEmpty();
		assertThat(FileContents.problem("pptx", pptx())).isEmpty();
		assertThat(FileContents.problem("png", image("png"))).isEmpty();
		assertThat(FileContents.problem("jpg", image("jpeg"))).isEmpty();
		assertThat(FileContents.problem("jpeg", image("jpeg"))).isEmpty();
		assertThat(FileContents.problem("csv", utf8("invoice,amount\nINV-1,\"2,400.00\"\nCafé Müller,12\n"))).isEmpty();
		assertThat(FileContents.problem("txt", utf8("Notes from the call — 3 items\n"))).isEmpty();
	}

	@Test
	void refusesAFileThatIsNotWhatItsExtensionSays() throws IOException {
		assertThat(FileContents.problem("pdf", utf8("%PDF-1.7 just text pretending")))
			.contains("is not a valid PDF file");
		assertThat(FileContents.problem("docx", xlsx())).contains("is not a valid Word document (.docx)");
		assertThat(FileContents.problem("xlsx", zip("hello.txt", "not a workbook")))
			.contains("is not a valid Excel workbook (.xlsx)");
		assertThat(FileContents.problem("pptx", SamplePdfs.document("Deck", 1)))
			.contains("is not a valid PowerPoint presentation (.pptx)");
		assertThat(FileContents.problem("jpg", image("png"))).contains("is not a valid JPEG image");
		assertThat(FileContents.problem("png", utf8("PNG"))).contains("is not a valid PNG image");
		assertThat(FileContents.problem("csv", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
			.contains("is not a valid CSV file (UTF-8 text)");
		assertThat(FileContents.problem("txt", new byte[] { 'a', 0, 'b' }))
			.contains("is not a valid text file (UTF-8)");
	}

	@Test
	void refusesWhatItCannotOpen() throws IOException {
		assertThat(FileContents.problem("pdf", encryptedPdf()))
			.contains("is a password-protected PDF, which cannot be opened to check it");
		assertThat(FileContents.problem("zip", zip("a.txt", "a")))
			.contains("is a .zip file, which cannot be opened to check it");
	}

	@Test
	void refusesADocumentWithMacrosNamedDocx() throws IOException {
		byte[] docx = docx();
		byte[] macroEnabled = rewriteContentTypes(docx, "wordprocessingml.document.main+xml",
				"application/vnd.ms-word.document.macroEnabled.main+xml");
		assertThat(FileContents.problem("docx", macroEnabled)).contains("is not a valid Word document (.docx)");
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] docx() throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("Statement of work");
			document.write(out);
			return out.toByteArray();
		}
	}

	static byte[] xlsx() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("Usage").createRow(0).createCell(0).setCellValue(42);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static byte[] pptx() throws IOException {
		try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			deck.createSlide();
			deck.write(out);
			return out.toByteArray();
		}
	}

	static byte[] image(String format) throws IOException {
		BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x4338ca);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	static byte[] zip(String name, String content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(utf8(content));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	static byte[] encryptedPdf() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(SamplePdfs.document("Secret", 1));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
			pdf.protect(policy);
			pdf.save(out);
			return out.toByteArray();
		}
	}

	/** The package with one content type declaration changed (the rest copied as is). */
	static byte[] rewriteContentTypes(byte[] ooxml, String from, String to) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ooxml));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals("[Content_Types].xml")) {
					String types = new String(content, StandardCharsets.UTF_8);
					int at = types.indexOf(from);
					assertThat(at).isPositive();
					int start = types.lastIndexOf('"', at) + 1;
					int end = types.indexOf('"', at);
					content = utf8(types.substring(0, start) + to + types.substring(end));
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
