package io.intime.staffing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Placements extends JpaRepository<Placement, Long> {

	/** The placements of an account, latest start first. */
	@Query("select p from Placement p where p.accountId = ?1 order by p.startDate desc, p.id desc")
	List<Placement> findByAccount(long accountId);

}
