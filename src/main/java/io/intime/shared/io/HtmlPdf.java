package io.intime.shared.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * The application's documents as PDF: XHTML rendered by openhtmltopdf with the fonts that
 * ship with the application ({@value #FONT}, regular, bold and italic, embedded), so that
 * a proposal, a deck, a health report or a certificate looks the same on every machine
 * and nothing is fetched from the internet.
 */
public final class HtmlPdf {

	/** The font family documents name in their CSS. */
	public static final String FONT = "Liberation Sans";

	private HtmlPdf() {
	}

	/**
	 * @param xhtml the document, well-formed XHTML
	 * @param what what it is, for the message when it cannot be rendered ("the QBR deck")
	 */
	public static byte[] render(String xhtml, String what) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			font(builder, "LiberationSans-Regular.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
			font(builder, "LiberationSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
			font(builder, "LiberationSans-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not render " + what + " as PDF", e);
		}
	}

	/** Text made safe for a document's XHTML (characters as decimal references). */
	public static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscapeDecimal(text);
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style) {
		builder.useFont(() -> {
			try {
				return new ClassPathResource("fonts/" + file).getInputStream();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, FONT, weight, style, true);
	}

}
