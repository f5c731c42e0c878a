package io.intime.automation.onboarding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the monthly account health report as a PDF (A4, page numbers), from the page
 * {@code templates/automation/onboarding/health-report.html}. The fonts (Liberation Sans,
 * SIL Open Font License) ship in the application and are embedded; nothing is fetched
 * from the internet.
 */
@Component
class HealthReportDocument {

	private static final String FONT = "Liberation Sans";

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	HealthReportDocument() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/automation/onboarding/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		templates.setTemplateResolver(resolver);
	}

	/** The PDF and its number of pages. */
	record Rendered(byte[] bytes, int pages) {
	}

	/** The report's page as XHTML (what the PDF is made from). */
	String html(HealthReportView report) {
		Context context = new Context(Locale.US);
		context.setVariable("r", report);
		return templates.process("health-report", context);
	}

	Rendered render(HealthReportView report) {
		String html = html(report);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			font(builder, "LiberationSans-Regular.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
			font(builder, "LiberationSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
			font(builder, "LiberationSans-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			byte[] bytes = out.toByteArray();
			try (PDDocument pdf = Loader.loadPDF(bytes)) {
				return new Rendered(bytes, pdf.getNumberOfPages());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not render the health report of " + report.accountName(), e);
		}
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
