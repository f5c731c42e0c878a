package io.intime.shared.web;

import java.time.LocalDate;
import java.util.List;

import io.intime.shared.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 400s for bodies that Spring's Jackson 3 converter cannot read name the field at
 * fault.
 */
class ApiProblemHandlerTest {

	enum Colour {

		RED, GREEN

	}

	record Item(String name, int quantity) {
	}

	record Body(String name, Integer count, Colour colour, LocalDate day, List<Item> items) {
	}

	final ApiProblemHandler handler = new ApiProblemHandler();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void namesTheFieldOfAWrongTypeAnUnknownEnumValueAndABadDate() {
		assertThat(errorsFor("{\"count\": \"lots\"}"))
			.containsExactly(new FieldError("count", "'lots' is not a whole number"));
		assertThat(errorsFor("{\"colour\": \"BLUE\"}"))
			.containsExactly(new FieldError("colour", "'BLUE' is not one of RED, GREEN"));
		assertThat(errorsFor("{\"day\": \"2026-13-45\"}"))
			.containsExactly(new FieldError("day", "'2026-13-45' is not a date (YYYY-MM-DD)"));
		assertThat(errorsFor("{\"items\": [{\"name\": \"x\", \"quantity\": \"many\"}]}")).extracting(FieldError::field)
			.containsExactly("items[0].quantity");
		assertThat(errorsFor("{\"items\": [{\"name\": \"x\", \"quantity\": null}]}")).extracting(FieldError::field)
			.containsExactly("items[0].quantity");
	}

	@Test
	void blamesTheBodyForJsonThatIsNotJsonOrNoObject() {
		assertThat(errorsFor("{\"name\": oops}")).extracting(FieldError::field).containsExactly("body");
		assertThat(errorsFor("not json at all")).extracting(FieldError::field).containsExactly("body");
		assertThat(errorsFor("[1, 2]")).extracting(FieldError::field).containsExactly("body");
	}

	@Test
	void blamesTheBodyWhenThereIsNone() {
		ProblemDetail problem = handler
			.unreadable(
					new HttpMessageNotReadableException("Required request body is missing",
							new MockHttpInputMessage(new byte[0])),
					new MockHttpServletRequest("POST", "/api/v1/things"));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(errors(problem)).containsExactly(new FieldError("body", "The request body is missing"));
	}

	@Test
	void listsAtMostFiftyFieldErrorsAndCountsTheRest() {
		List<FieldError> many = java.util.stream.IntStream.range(0, 50_000)
			.mapToObj(i -> new FieldError("contactIds[" + i + "]", "is not a contact of this account"))
			.toList();
		ProblemDetail problem = handler.invalid(new io.intime.shared.InvalidInputException(many),
				new MockHttpServletRequest("POST", "/api/v1/activities"));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(errors(problem)).hasSize(50).first().isEqualTo(many.get(0));
		assertThat(problem.getProperties()).containsEntry("moreErrors", 49_950);
		assertThat(problem.getDetail()).hasSizeLessThan(5_000).endsWith("; and 49950 more");
	}

	@Test
	void aDuplicateKeyFromTwoRequestsAtOnceIsAConflict() {
		ProblemDetail problem = handler.concurrentInsert(
				new org.springframework.dao.DuplicateKeyException(
						"duplicate key value violates unique constraint \"health_model_pkey\""),
				new MockHttpServletRequest("PUT", "/api/v1/health-model"));
		assertThat(problem.getStatus()).isEqualTo(409);
	}

	private List<FieldError> errorsFor(String body) {
		try {
			json.readValue(body, Body.class);
		}
		catch (JacksonException e) {
			ProblemDetail problem = handler.unreadable(
					new HttpMessageNotReadableException("unreadable", e, new MockHttpInputMessage(body.getBytes())),
					new MockHttpServletRequest("POST", "/api/v1/things"));
			assertThat(problem.getStatus()).isEqualTo(400);
			assertThat(problem.getInstance()).hasToString("/api/v1/things");
			return errors(problem);
		}
		throw new AssertionError("Jackson read " + body);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errors(ProblemDetail problem) {
		return (List<FieldError>) problem.getProperties().get("errors");
	}

}
