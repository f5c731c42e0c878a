package io.intime.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Contacts extends JpaRepository<Contact, Long> {

	@Query("select c from Contact c where c.accountId = ?1 order by c.active desc, lower(c.name)")
	List<Contact> findByAccount(long accountId);

	@Query("select c from Contact c where c.accountId = ?1 and lower(c.email) = lower(?2)")
	Optional<Contact> findByAccountAndEmail(long accountId, String email);

}
