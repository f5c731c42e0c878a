package io.intime.engagement;

import java.time.Instant;

import io.intime.accounts.Stamp;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** Created/updated by and at, and the optimistic version every engagement record carries. */
@MappedSuperclass
abstract class Recorded {

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

    String createdBy() {
        return createdBy;
    }

    Stamp stamp() {
        return new Stamp(version, createdAt, createdBy, updatedAt, updatedBy);
    }
}
