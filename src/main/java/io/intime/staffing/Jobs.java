package io.intime.staffing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Jobs extends JpaRepository<Job, Long> {

	/** The jobs of an account: open and on hold first, then the latest closed. */
	@Query("""
			select j from Job j where j.accountId = ?1
			order by case when j.status = io.intime.staffing.JobStatus.OPEN then 0
			              when j.status = io.intime.staffing.JobStatus.ON_HOLD then 1 else 2 end,
			         coalesce(j.filledOn, j.cancelledOn, j.openedOn) desc, j.id desc""")
	List<Job> findByAccount(long accountId);

	@Query("select count(j) from Job j where j.recruiterId = ?1 and j.status = io.intime.staffing.JobStatus.OPEN and j.id <> ?2")
	long countOpenOfRecruiterExcept(long recruiterId, long exceptJobId);

}
