package io.intime.staffing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.intime.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of the dedicated-recruiter ranking (spec 01 step 4) and its reasons. */
class RecruiterRankingTest {

	static RecruiterView recruiter(long id, String name, List<String> industries, int active, int max, int placements,
			int falloffs, Integer ttf) {
		Integer success = placements == 0 ? null : (int) Math.round(100.0 * (placements - falloffs) / placements);
		return new RecruiterView(id, 100 + id, name.toLowerCase(), name, "Recruiter", Role.RECRUITER, List.of(),
				industries, max, true, active, (int) Math.round(100.0 * active / max), placements, falloffs, success,
				ttf == null ? null : BigDecimal.valueOf(ttf), null);
	}

	static final RecruiterView MICHAEL = recruiter(1, "Michael Torres", List.of("Technology"), 8, 11, 42, 0, 22);

	static final RecruiterView EMILY = recruiter(2, "Emily Rodriguez", List.of("Technology"), 17, 20, 38, 1, 25);

	static final RecruiterView DAVID = recruiter(3, "David Kim", List.of("Retail"), 6, 10, 28, 1, 28);

	static final RecruiterView FULL = recruiter(4, "Fully Booked", List.of("Technology"), 10, 10, 50, 0, 18);

	@Test
	void spec01sOrder() {
		List<RecruiterRanking.Ranked> ranked = RecruiterRanking.rank(List.of(DAVID, EMILY, FULL, MICHAEL),
				"Technology / SaaS", Map.of(1L, new BigDecimal("9.4")));
		assertThat(ranked).extracting(r -> r.recruiter().name())
			.containsExactly("Michael Torres", "Emily Rodriguez", "David Kim", "Fully Booked");
		assertThat(ranked.get(0).reasons()).contains("Perfect track record (100% success rate)",
				"Technology specialist (matches client)", "Strong client satisfaction (9.4/10)",
				"Workload 73% (room for a dedicated account)");
		assertThat(ranked.get(0).reasons().get(1)).startsWith("22 days to fill vs");
		assertThat(ranked.get(3).available()).isFalse();
		assertThat(ranked.get(3).reasons()).contains("At capacity (10 of 10 jobs)");
	}

	@Test
	void theFastestOnTheTeamIsSaidSo() {
		List<RecruiterRanking.Ranked> ranked = RecruiterRanking.rank(List.of(EMILY, DAVID), "Retail", Map.of());
		assertThat(ranked).filteredOn(r -> r.recruiter() == EMILY)
			.singleElement()
			.satisfies(r -> assertThat(r.reasons()).anyMatch(x -> x.startsWith("Fastest time-to-fill on team")));
		assertThat(ranked).filteredOn(r -> r.recruiter() == DAVID)
			.singleElement()
			.satisfies(r -> assertThat(r.reasons()).noneMatch(x -> x.startsWith("Fastest")));
	}

	@Test
	void industryMatchGivesFifteenPoints() {
		RecruiterView tech = recruiter(5, "Tech", List.of("Technology"), 5, 10, 20, 0, 30);
		RecruiterView retail = recruiter(6, "Retail", List.of("Retail"), 5, 10, 20, 0, 30);
		List<RecruiterRanking.Ranked> ranked = RecruiterRanking.rank(List.of(retail, tech), "Technology / SaaS",
				Map.of());
		assertThat(ranked.get(0).recruiter().name()).isEqualTo("Tech");
		assertThat(ranked.get(0).score() - ranked.get(1).score()).isEqualTo(15);
	}

	@Test
	void noPlacementsScoresNoSuccess() {
		RecruiterView fresh = recruiter(7, "New Hire", List.of(), 0, 10, 0, 0, null);
		RecruiterRanking.Ranked ranked = RecruiterRanking.rank(List.of(fresh), "Retail", Map.of()).get(0);
		// capacity 15 + unknown satisfaction 5
		assertThat(ranked.score()).isEqualTo(20);
		assertThat(ranked.reasons()).contains("No placements in the last six months");
	}

}
