package io.intime.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFormsTest {

	enum Colour {

		RED, GREEN

	}

	record Line(String name, BigDecimal value) {
	}

	record Form(String name, Integer count, boolean flag, Colour colour, LocalDate day, List<Line> lines) {
	}

	final JsonForms forms = new JsonForms(JsonMapper.builder().build());

	final Form current = new Form("Globex", 3, true, Colour.RED, LocalDate.of(2026, 1, 31),
			List.of(new Line("a", new BigDecimal("500000.00")), new Line("b", new BigDecimal("1.50"))));

	@Test
	void aPatchChangesOnlyTheFieldsItNames() {
		Form patched = forms.patch(current, object("{\"name\": \"Initech\", \"colour\": \"GREEN\"}"), Form.class);
		assertThat(patched).isEqualTo(new Form("Initech", 3, true, Colour.GREEN, current.day(), current.lines()));
	}

	@Test
	void untouchedFieldsSurviveTheRoundTripExactlyIncludingTheScaleOfAmounts() {
		assertThat(forms.patch(current, object("{}"), Form.class)).isEqualTo(current);
	}

	@Test
	void nullClearsAFieldAndAListReplacesTheWholeList() {
		Form patched = forms.patch(current,
				object("{\"count\": null, \"lines\": [{\"name\": \"c\", \"value\": \"7.25\"}]}"), Form.class);
		assertThat(patched.count()).isNull();
		assertThat(patched.lines()).containsExactly(new Line("c", new BigDecimal("7.25")));
	}

	@Test
	void readsDecimalsExactly() {
		Form patched = forms.patch(current, object("{\"lines\": [{\"name\": \"c\", \"value\": 123456789012345.67}]}"),
				Form.class);
		assertThat(patched.lines().get(0).value()).isEqualByComparingTo("123456789012345.67");
	}

	@Test
	void aNewFormTakesDefaultsForTheFieldsLeftOut() {
		Form created = forms.create(object("{\"name\": \"New\"}"), Form.class, Map.of("flag", true));
		assertThat(created).isEqualTo(new Form("New", null, true, null, null, null));
	}

	@Test
	void namesTheFieldOfEveryKindOfMistake() {
		assertThat(fieldOf("{\"count\": \"lots\"}")).isEqualTo(new FieldError("count", "'lots' is not a whole number"));
		assertThat(fieldOf("{\"count\": 1.5}").field()).isEqualTo("count");
		assertThat(fieldOf("{\"colour\": \"BLUE\"}"))
			.isEqualTo(new FieldError("colour", "'BLUE' is not one of RED, GREEN"));
		assertThat(fieldOf("{\"day\": \"2026-13-45\"}"))
			.isEqualTo(new FieldError("day", "'2026-13-45' is not a date (YYYY-MM-DD)"));
		assertThat(fieldOf("{\"flag\": null}").field()).isEqualTo("flag");
		assertThat(fieldOf("{\"flag\": \"perhaps\"}").field()).isEqualTo("flag");
		assertThat(fieldOf("{\"nickname\": \"G\"}")).isEqualTo(new FieldError("nickname", "is not a known field"));
		assertThat(fieldOf("{\"lines\": [{\"name\": \"x\", \"value\": \"much\"}]}").field())
			.isEqualTo("lines[0].value");
		assertThat(fieldOf("{\"lines\": [{\"name\": \"x\", \"price\": 1}]}").field()).isEqualTo("lines[0].price");
		assertThat(fieldOf("{\"lines\": {\"name\": \"x\"}}").field()).isEqualTo("lines");
		assertThat(fieldOf("{\"name\": {\"first\": \"x\"}}").field()).isEqualTo("name");
	}

	@Test
	void aBodyThatIsNoJsonObjectIsAMistakeOfTheBody() {
		for (String body : List.of("", "null", "[]", "42", "{\"name\": ", "name=x", "{\"a\": 1} trailing")) {
			assertThatThrownBy(() -> forms.object(body.getBytes())).as(body)
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("body"));
		}
		assertThatThrownBy(() -> forms.object(null)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void takesAWholeNumberOutOfTheBody() {
		ObjectNode body = object("{\"version\": 7, \"accountId\": \"12\", \"name\": \"x\"}");
		assertThat(forms.take(body, "version")).isEqualTo(7);
		assertThat(forms.take(body, "accountId")).isEqualTo(12);
		assertThat(body.propertyNames()).containsExactly("name");
		for (String bad : List.of("{}", "{\"version\": null}", "{\"version\": 1.5}", "{\"version\": \"latest\"}",
				"{\"version\": [1]}")) {
			assertThatThrownBy(() -> forms.take(object(bad), "version")).as(bad)
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("version"));
		}
	}

	private FieldError fieldOf(String patch) {
		try {
			forms.patch(current, object(patch), Form.class);
		}
		catch (InvalidInputException e) {
			assertThat(e.errors()).hasSize(1);
			return e.errors().get(0);
		}
		throw new AssertionError("accepted " + patch);
	}

	private ObjectNode object(String json) {
		return forms.object(json.getBytes());
	}

}
