package io.intime.workflows.files;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;

/**
 * Whether a file really is what its extension says, found by opening it the way its
 * program would: a PDF with PDFBox, an image with ImageIO (decoded, after its dimensions
 * are checked), a Word, Excel or PowerPoint file as an Office Open XML package whose main
 * part has the right content type and parses as XML (a macro-enabled file renamed
 * {@code .docx} is not a {@code .docx}), a CSV or text file as UTF-8 text. A type this
 * class cannot open is never accepted: nothing is stored that was not looked into.
 */
final class FileContents {

	/**
	 * Decoded images are kept below this many pixels (a small PNG can claim huge ones).
	 */
	static final long MAX_IMAGE_PIXELS = 50_000_000L;

	private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pptx",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "csv",
			"text/csv; charset=UTF-8", "txt", "text/plain; charset=UTF-8", "png", "image/png", "jpg", "image/jpeg",
			"jpeg", "image/jpeg");

	/** The content type of an OOXML package's main part, per extension. */
	private static final Map<String, String> OOXML_MAIN_PARTS = Map.of("docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "pptx",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");

	private static final Map<String, String> NAMES = Map.of("pdf", "a valid PDF file", "docx",
			"a valid Word document (.docx)", "xlsx", "a valid Excel workbook (.xlsx)", "pptx",
			"a valid PowerPoint presentation (.pptx)", "csv", "a valid CSV file (UTF-8 text)", "txt",
			"a valid text file (UTF-8)", "png", "a valid PNG image", "jpg", "a valid JPEG image", "jpeg",
			"a valid JPEG image");

	private FileContents() {
	}

	/** The extensions whose files this class can open and check. */
	static Set<String> checkable() {
		return CONTENT_TYPES.keySet();
	}

	/** The media type of a checkable extension. */
	static String contentType(String extension) {
		String type = CONTENT_TYPES.get(extension);
		if (type == null) {
			throw new IllegalArgumentException("No content type for ." + extension);
		}
		return type;
	}

	/**
	 * What is wrong with the content for its extension, said to follow "The file …";
	 * empty when it opens as that type.
	 */
	static Optional<String> problem(String extension, byte[] content) {
		if (!CONTENT_TYPES.containsKey(extension)) {
			return Optional.of("is a ." + extension + " file, which cannot be opened to check it");
		}
		if (extension.equals("pdf")) {
			return pdfProblem(content);
		}
		boolean valid = switch (extension) {
			case "docx", "xlsx", "pptx" -> isOfficeOpenXml(content, OOXML_MAIN_PARTS.get(extension));
			case "png" -> isImage(content, "png");
			case "jpg", "jpeg" -> isImage(content, "jpeg");
			case "csv", "txt" -> isUtf8Text(content);
			default -> false;
		};
		return valid ? Optional.empty() : Optional.of("is not " + NAMES.get(extension));
	}

	private static Optional<String> pdfProblem(byte[] content) {
		try (PDDocument pdf = Loader.loadPDF(content)) {
			return pdf.getNumberOfPages() > 0 ? Optional.empty() : Optional.of("is not " + NAMES.get("pdf"));
		}
		catch (InvalidPasswordException e) {
			return Optional.of("is a password-protected PDF, which cannot be opened to check it");
		}
		catch (IOException | RuntimeException e) {
			return Optional.of("is not " + NAMES.get("pdf"));
		}
	}

	private static boolean isOfficeOpenXml(byte[] content, String mainPartType) {
		OPCPackage ooxml = null;
		try {
			ooxml = OPCPackage.open(new ByteArrayInputStream(content));
			PackageRelationshipCollection main = ooxml.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
			if (main.size() == 0) {
				main = ooxml.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
			}
			if (main.size() != 1) {
				return false;
			}
			PackagePart part = ooxml.getPart(main.getRelationship(0));
			if (part == null || !mainPartType.equals(part.getContentType())) {
				return false;
			}
			try (InputStream xml = part.getInputStream()) {
				DocumentHelper.readDocument(xml);
			}
			return true;
		}
		catch (Exception e) {
			// any failure to open the package or to parse its main part: not such a file
			return false;
		}
		finally {
			if (ooxml != null) {
				ooxml.revert();
			}
		}
	}

	private static boolean isImage(byte[] content, String format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					if (!reader.getFormatName().equalsIgnoreCase(format)) {
						continue;
					}
					reader.setInput(in, true, true);
					long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
					if (pixels <= 0 || pixels > MAX_IMAGE_PIXELS) {
						return false;
					}
					// a raster where the reader can (it also decodes CMYK JPEGs, which
					// read() refuses)
					if (reader.canReadRaster()) {
						Raster raster = reader.readRaster(0, null);
						return raster.getWidth() > 0;
					}
					return reader.read(0).getWidth() > 0;
				}
				finally {
					reader.dispose();
				}
			}
			return false;
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static boolean isUtf8Text(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			// a NUL is never in text: such a file is binary whatever its bytes decode to
			return text.indexOf('\0') < 0;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

}
