package io.intime.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.accounts.ContactForm;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;

/** What the contact form posts; converted to the facade's {@link ContactForm}. */
public class ContactFormData {

	private String name;

	private String title;

	private String email;

	private String phone;

	private String timeZone;

	private StakeholderRole stakeholderRole;

	private Influence influence;

	private boolean active;

	private long version;

	static ContactFormData of(ContactForm form, long version) {
		ContactFormData data = new ContactFormData();
		data.name = form.name();
		data.title = form.title();
		data.email = form.email();
		data.phone = form.phone();
		data.timeZone = form.timeZone();
		data.stakeholderRole = form.stakeholderRole();
		data.influence = form.influence();
		data.active = form.active();
		data.version = version;
		return data;
	}

	ContactForm toForm() {
		return new ContactForm(name, title, email, phone, timeZone, stakeholderRole, influence, active);
	}

	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("title", title);
		values.put("email", email);
		values.put("phone", phone);
		values.put("timeZone", timeZone);
		values.put("stakeholderRole", stakeholderRole);
		values.put("influence", influence);
		values.put("active", active);
		return values;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public StakeholderRole getStakeholderRole() {
		return stakeholderRole;
	}

	public void setStakeholderRole(StakeholderRole stakeholderRole) {
		this.stakeholderRole = stakeholderRole;
	}

	public Influence getInfluence() {
		return influence;
	}

	public void setInfluence(Influence influence) {
		this.influence = influence;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
