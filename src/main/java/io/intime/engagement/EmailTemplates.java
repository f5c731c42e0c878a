package io.intime.engagement;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email templates account managers send from (check-in "How are we doing?",
 * escalation update, QBR follow-up, payment reminder), with merge fields such as
 * {@code {{contact.firstName}}} filled from the account, the contact and the account
 * manager. Admins edit them; a template naming a field that does not exist is refused
 * with the field's name, on save and on send.
 */
@Service
public class EmailTemplates {

	/** The merge fields there are, and what each stands for. */
	public static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("account.name", "The account's name"),
			Map.entry("account.tier", "The account's tier"), Map.entry("contact.firstName", "The contact's first name"),
			Map.entry("contact.name", "The contact's full name"), Map.entry("contact.title", "The contact's title"),
			Map.entry("am.name", "Your name"), Map.entry("am.firstName", "Your first name"),
			Map.entry("am.title", "Your title"), Map.entry("am.email", "Your email address"));

	private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*\\}\\}");

	private final JdbcClient jdbc;

	private final Today time;

	EmailTemplates(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	public record EmailTemplate(long id, String key, String name, String subject, String body, long version) {
	}

	@Transactional(readOnly = true)
	public List<EmailTemplate> all() {
		return jdbc.sql("select id, template_key, name, subject, body, version from email_template order by id")
			.query((rs, n) -> new EmailTemplate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6)))
			.list();
	}

	@Transactional(readOnly = true)
	public EmailTemplate get(String key) {
		return all().stream()
			.filter(t -> t.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Email template", key));
	}

	/**
	 * Saves an admin's change, checking the version in the write.
	 * @throws InvalidInputException naming {@code name}, {@code subject} or {@code body}
	 * (an unknown merge field among them)
	 * @throws StaleVersionException when someone saved it since it was read
	 */
	@Transactional
	public EmailTemplate update(String key, String name, String subject, String body, long version, CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins edit email templates");
		}
		List<FieldError> errors = new ArrayList<>();
		if (name == null || name.isBlank()) {
			errors.add(new FieldError("name", "is required"));
		}
		if (subject == null || subject.isBlank()) {
			errors.add(new FieldError("subject", "is required"));
		}
		else if (subject.length() > 300) {
			errors.add(new FieldError("subject", "must be at most 300 characters"));
		}
		if (body == null || body.isBlank()) {
			errors.add(new FieldError("body", "is required"));
		}
		unknownFields("subject", subject, errors);
		unknownFields("body", body, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		EmailTemplate current = get(key);
		int updated = jdbc.sql("""
				update email_template set name = :name, subject = :subject, body = :body, version = version + 1,
				       updated_at = :now, updated_by = :by
				 where template_key = :key and version = :version""")
			.param("name", name.trim())
			.param("subject", subject.trim())
			.param("body", body)
			.param("now", Timestamp.from(time.now()))
			.param("by", user.username())
			.param("key", key)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new StaleVersionException("Email template", current.id(), version, current.version());
		}
		return get(key);
	}

	/**
	 * The text with its merge fields filled in.
	 * @throws InvalidInputException ({@code field}) naming an unknown merge field
	 */
	public static String merge(String field, String text, Map<String, String> values) {
		List<FieldError> errors = new ArrayList<>();
		unknownFields(field, text, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Matcher m = FIELD.matcher(text == null ? "" : text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	static void unknownFields(String field, String text, List<FieldError> errors) {
		if (text == null) {
			return;
		}
		Set<String> unknown = new LinkedHashSet<>();
		Matcher m = FIELD.matcher(text);
		while (m.find()) {
			if (!FIELDS.containsKey(m.group(1))) {
				unknown.add("{{" + m.group(1) + "}}");
			}
		}
		if (!unknown.isEmpty()) {
			errors.add(new FieldError(field, "has an unknown merge field " + String.join(", ", unknown) + " (known: {{"
					+ String.join("}}, {{", new java.util.TreeSet<>(FIELDS.keySet())) + "}})"));
		}
	}

}
