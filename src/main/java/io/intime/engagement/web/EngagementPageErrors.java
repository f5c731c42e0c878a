package io.intime.engagement.web;

import java.io.IOException;

import io.intime.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A missing record (or a path that cannot name one) is the 404 page. Access denials reach
 * Spring Security, which records them and shows the 403 page.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(assignableTypes = ActivityPages.class)
class EngagementPageErrors {

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
