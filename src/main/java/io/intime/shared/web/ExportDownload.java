package io.intime.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.intime.shared.InvalidInputException;
import io.intime.shared.io.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The web side of every list export ({@link TableExport}): which format a request asks
 * for, and the response headers of the download.
 */
public final class ExportDownload {

	private ExportDownload() {
	}

	/**
	 * The format a request asks for: by its path ({@code …/export.xlsx},
	 * {@code …/export.csv}), else by its {@code format} parameter or {@code Accept}
	 * header; anything else is a 400 naming {@code format}.
	 */
	public static TableExport.Format formatOf(String path, String requested, String accept) {
		if (path.endsWith(".xlsx")) {
			return TableExport.Format.XLSX;
		}
		if (path.endsWith(".csv")) {
			return TableExport.Format.CSV;
		}
		try {
			return TableExport.Format.of(requested, accept);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("format", e.getMessage());
		}
	}

	/**
	 * Starts the download of {@code filename}: its type, encoding and attachment name.
	 */
	public static OutputStream start(HttpServletResponse response, TableExport.Format format, String filename)
			throws IOException {
		response.setContentType(format.mediaType());
		if (format == TableExport.Format.CSV) {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		}
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		return response.getOutputStream();
	}

}
