package io.intime.shared;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The audit stamp every module's records carry: the optimistic version and who created
 * and last changed the record, and when. An entity extends it; the columns are
 * {@code version}, {@code created_at}, {@code created_by}, {@code updated_at} and
 * {@code updated_by} in the entity's own table. (A mapped superclass rather than an
 * {@code @Embeddable}: JPA wants the {@code @Version} attribute on the entity or a mapped
 * superclass.) Read models carry it as {@link Stamp}.
 */
@MappedSuperclass
public abstract class Audited {

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	/**
	 * Stamps a new record: created and last changed by {@code actor} at {@code at} (the
	 * clock's now).
	 */
	public void created(String actor, Instant at) {
		createdAt = at;
		createdBy = actor;
		updatedAt = createdAt;
		updatedBy = actor;
	}

	/** Stamps a change by {@code actor} at {@code at} (the clock's now). */
	public void updated(String actor, Instant at) {
		updatedAt = at;
		updatedBy = actor;
	}

	public long version() {
		return version;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public Stamp stamp() {
		return new Stamp(version, createdAt, createdBy, updatedAt, updatedBy);
	}

}
