package io.intime.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, Long> {

	@Query("select i from Invoice i where lower(i.number) = lower(?1)")
	Optional<Invoice> findByNumber(String number);

	@Query("select i from Invoice i where i.accountId = ?1 order by i.issueDate desc, i.id desc")
	List<Invoice> findByAccount(long accountId);

}
