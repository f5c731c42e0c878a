package io.intime.engagement;

import org.springframework.data.jpa.repository.JpaRepository;

interface NpsResponses extends JpaRepository<NpsResponse, Long> {

}
