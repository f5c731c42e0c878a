package io.intime.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Contracts extends JpaRepository<Contract, Long> {

	@Query("select c from Contract c left join fetch c.serviceLines where c.accountId = ?1 order by c.endDate desc, c.id desc")
	List<Contract> findByAccountWithLines(long accountId);

	@Query("select c from Contract c left join fetch c.serviceLines where c.id = ?1")
	Optional<Contract> findWithLines(long id);

	@Query("select c from Contract c left join fetch c.serviceLines where c.accountId = ?1 and c.status = io.intime.accounts.ContractStatus.ACTIVE")
	List<Contract> findActiveWithLines(long accountId);

	@Query("select c from Contract c left join fetch c.serviceLines where c.id in ?1")
	List<Contract> findAllWithLines(java.util.Collection<Long> ids);

	@Query("select c from Contract c where lower(c.number) = lower(?1)")
	Optional<Contract> findByNumber(String number);

}
