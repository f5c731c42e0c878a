package io.intime.accounts.web;

import java.io.IOException;

import io.intime.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A missing record (or a path such as /accounts/abc that cannot name one) is the 404 page.
 * Access denials are not handled here: they reach Spring Security, which records them and
 * shows the 403 page.
 */
// Before Spring Boot's problem-details advice, which would answer a type mismatch with a 400.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(assignableTypes = { AccountPages.class, ContactPages.class, ContractPages.class })
class PageErrors {

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
