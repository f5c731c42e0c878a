package io.intime.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file over the upload limit is refused before any controller runs; on the import page
 * that becomes a message on the page instead of an error page.
 */
@ControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		if (!request.getRequestURI().startsWith("/import")) {
			throw e;
		}
		RequestContextUtils.getOutputFlashMap(request)
			.put("problem", "The file is larger than 5 MB; split it into smaller files");
		return "redirect:/import";
	}

}
