package io.intime.escalations;

import org.springframework.data.jpa.repository.JpaRepository;

interface Escalations extends JpaRepository<Escalation, Long> {

}
