package io.intime.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** Created/updated by and at, and the optimistic version every record carries. */
@MappedSuperclass
abstract class Auditable {

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

    void created(String actor, Instant at) {
        createdAt = at;
        createdBy = actor;
        updatedAt = createdAt;
        updatedBy = actor;
    }

    void updated(String actor, Instant at) {
        updatedAt = at;
        updatedBy = actor;
    }

    long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }

    Stamp stamp() {
        return new Stamp(version, createdAt, createdBy, updatedAt, updatedBy);
    }
}
