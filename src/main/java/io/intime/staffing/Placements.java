package io.intime.staffing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Placements extends JpaRepository<Placement, Long> {

	/** The placements of an account, latest start first. */
	@Query("select p from Placement p where p.accountId = ?1 order by p.startDate desc, p.id desc")
	List<Placement> findByAccount(long accountId);

	/**
	 * The active placements of these accounts starting between the two days, soonest
	 * first.
	 */
	@Query("""
			select p from Placement p where p.accountId in ?1 and p.status = io.intime.staffing.PlacementStatus.ACTIVE
			and p.startDate between ?2 and ?3 order by p.startDate, p.id""")
	List<Placement> startingBetween(java.util.Collection<Long> accountIds, java.time.LocalDate from,
			java.time.LocalDate to);

}
