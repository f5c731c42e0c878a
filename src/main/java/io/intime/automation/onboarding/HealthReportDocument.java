package io.intime.automation.onboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import io.intime.shared.io.HtmlPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders the monthly account health report as a PDF (A4, page numbers), from the page
 * {@code templates/automation/onboarding/health-report.html}. The fonts (Liberation Sans,
 * SIL Open Font License) ship in the application and are embedded; nothing is fetched
 * from the internet.
 */
@Component
class HealthReportDocument {

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
		byte[] bytes = HtmlPdf.render(html, "the health report of " + report.accountName());
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			return new Rendered(bytes, pdf.getNumberOfPages());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not count the pages of the health report", e);
		}
	}

}
