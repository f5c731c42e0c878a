package io.intime.staffing;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Recruiters extends JpaRepository<Recruiter, Long> {

	Optional<Recruiter> findByUserId(long userId);

}
