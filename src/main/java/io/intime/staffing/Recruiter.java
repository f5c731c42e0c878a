package io.intime.staffing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user who works jobs: their specialties, the industries they know, and how many jobs
 * they can carry.
 */
@Entity
@Table(name = "recruiter")
class Recruiter extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id")
	private long userId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "specialties")
	private List<String> specialties = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "industries")
	private List<String> industries = new ArrayList<>();

	@Column(name = "max_active_jobs")
	private int maxActiveJobs;

	private boolean active = true;

	protected Recruiter() {
	}

	Recruiter(RecruiterForm form, String actor, Instant at) {
		this.userId = form.userId();
		apply(form);
		created(actor, at);
	}

	void apply(RecruiterForm form) {
		this.specialties = new ArrayList<>(RecruiterForm.cleaned(form.specialties()));
		this.industries = new ArrayList<>(RecruiterForm.cleaned(form.industries()));
		this.maxActiveJobs = form.maxActiveJobs();
		this.active = form.active() == null || form.active();
	}

	RecruiterForm toForm() {
		return new RecruiterForm(userId, List.copyOf(specialties), List.copyOf(industries), maxActiveJobs, active);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("userId", userId);
		state.put("specialties", String.join(", ", specialties));
		state.put("industries", String.join(", ", industries));
		state.put("maxActiveJobs", maxActiveJobs);
		state.put("active", active);
		return state;
	}

	Long id() {
		return id;
	}

	long userId() {
		return userId;
	}

	List<String> specialties() {
		return List.copyOf(specialties);
	}

	List<String> industries() {
		return List.copyOf(industries);
	}

	int maxActiveJobs() {
		return maxActiveJobs;
	}

	boolean active() {
		return active;
	}

}
