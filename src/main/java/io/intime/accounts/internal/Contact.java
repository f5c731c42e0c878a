package io.intime.accounts.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactView;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person at a client account. */
@Entity
@Table(name = "contact")
public class Contact extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	private String name;

	private String title;

	private String email;

	private String phone;

	@Column(name = "time_zone")
	private String timeZone;

	@Enumerated(EnumType.STRING)
	@Column(name = "stakeholder_role")
	private StakeholderRole stakeholderRole;

	@Enumerated(EnumType.STRING)
	private Influence influence;

	private boolean active = true;

	protected Contact() {
	}

	public Contact(long accountId, ContactForm form, String actor, Instant at) {
		this.accountId = accountId;
		apply(form);
		created(actor, at);
	}

	public void apply(ContactForm form) {
		this.name = form.name().trim();
		this.title = form.title();
		this.email = form.email() == null || form.email().isBlank() ? null : form.email().trim();
		this.phone = form.phone();
		this.timeZone = form.timeZone();
		this.stakeholderRole = form.stakeholderRole();
		this.influence = form.influence();
		this.active = form.active();
	}

	public ContactForm toForm() {
		return new ContactForm(name, title, email, phone, timeZone, stakeholderRole, influence, active);
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("name", name);
		state.put("title", title);
		state.put("email", email);
		state.put("phone", phone);
		state.put("timeZone", timeZone);
		state.put("stakeholderRole", stakeholderRole);
		state.put("influence", influence);
		state.put("active", active);
		return state;
	}

	public ContactView toView(String accountName) {
		return new ContactView(id, accountId, accountName, name, title, email, phone, timeZone, stakeholderRole,
				influence, active, stamp());
	}

	public Long id() {
		return id;
	}

	public long accountId() {
		return accountId;
	}

	public String email() {
		return email;
	}

	public String name() {
		return name;
	}

}
