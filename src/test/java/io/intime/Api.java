package io.intime;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Small helpers for calling the REST API from integration tests. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Api() {
	}

	/** HTTP Basic as a user made by {@link AccountFixtures}. */
	public static RequestPostProcessor as(CurrentUser user) {
		// with a CSRF token, as a browser's form carries one (page posts need it; the API
		// ignores it)
		RequestPostProcessor basic = httpBasic(user.username(), AccountFixtures.PASSWORD);
		return request -> csrf().postProcessRequest(basic.postProcessRequest(request));
	}

	/** The response body as JSON. */
	public static JsonNode body(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The fields named by a 400 problem's {@code errors}, in order. */
	public static List<String> errorFields(MvcTestResult result) {
		List<String> fields = new ArrayList<>();
		for (JsonNode error : body(result).path("errors")) {
			fields.add(error.path("field").asString());
		}
		return fields;
	}

	/**
	 * The message of the problem's error on {@code field}, or null when it names no such
	 * field.
	 */
	public static String errorMessage(MvcTestResult result, String field) {
		for (JsonNode error : body(result).path("errors")) {
			if (error.path("field").asString().equals(field)) {
				return error.path("message").asString();
			}
		}
		return null;
	}

	/**
	 * A JSON document from single-quoted text, to keep test bodies readable:
	 * {@code json("{'a': 1}")}.
	 */
	public static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
