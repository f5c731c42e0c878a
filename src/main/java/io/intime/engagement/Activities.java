package io.intime.engagement;

import org.springframework.data.jpa.repository.JpaRepository;

interface Activities extends JpaRepository<Activity, Long> {

}
