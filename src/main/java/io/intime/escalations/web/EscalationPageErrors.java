package io.intime.escalations.web;

import java.io.IOException;

import io.intime.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A missing escalation (or a path that cannot name one) is the 404 page; denials go to Spring Security. */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(assignableTypes = EscalationPages.class)
class EscalationPageErrors {

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
