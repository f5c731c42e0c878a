package io.intime.revenue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Opportunities extends JpaRepository<Opportunity, Long> {

	@Query("select o from Opportunity o where o.accountId = ?1 order by o.identifiedOn desc, o.id desc")
	List<Opportunity> findByAccount(long accountId);

}
