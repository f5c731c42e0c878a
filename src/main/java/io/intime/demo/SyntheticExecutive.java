package io.intime.demo;

import java.util.ArrayList;
import java.util.List;

import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserForm;
import io.intime.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark volume for the executive's strategic accounts (bench/strategic.sh): the demo
 * CEO sponsors {@code intime.synthetic.sponsored} strategic accounts in all (synthetic
 * accounts are made strategic and given the CEO as sponsor until there are that many),
 * and there are {@code intime.synthetic.recruiters} recruiters with profiles in all
 * (bench users {@code recruiter-bench-NNN}). Nothing happens when both are 0 (the
 * default) or under the prod profile.
 */
@Component
class SyntheticExecutive {

	private static final Logger log = LoggerFactory.getLogger(SyntheticExecutive.class);

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final String password;

	SyntheticExecutive(JdbcClient jdbc, UserDirectory users, TransactionTemplate transaction, Environment environment,
			@Value("${intime.demo-password:demo}") String password) {
		this.jdbc = jdbc;
		this.users = users;
		this.transaction = transaction;
		this.environment = environment;
		this.password = password;
	}

	/** After the synthetic portfolio and its facts. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(40)
	public void onStart() {
		int sponsored = environment.getProperty("intime.synthetic.sponsored", Integer.class, 0);
		int recruiters = environment.getProperty("intime.synthetic.recruiters", Integer.class, 0);
		if (sponsored <= 0 && recruiters <= 0 || environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		UserSummary ceo = users.findByUsername("ceo").orElse(null);
		if (sponsored > 0 && ceo != null) {
			int changed = transaction.execute(status -> jdbc
				.sql("""
						update account set strategic = true, executive_sponsor_id = :ceo where id in (
						  select id from account where created_by = 'synthetic' and executive_sponsor_id is distinct from :ceo
						   order by arr_amount desc, id
						   limit greatest(0, :wanted - (select count(*) from account where executive_sponsor_id = :ceo)))""")
				.param("ceo", ceo.id())
				.param("wanted", sponsored)
				.update());
			log.info("Synthetic executive: {} more strategic accounts sponsored by ceo", changed);
		}
		int have = jdbc.sql("select count(*) from recruiter").query(Integer.class).single();
		if (recruiters > have) {
			List<UserForm> forms = new ArrayList<>();
			for (int i = 1; i <= recruiters - have; i++) {
				String username = String.format("recruiter-bench-%03d", i);
				forms.add(new UserForm(username, "Bench Recruiter " + i, username + "@bench.intime.com",
						"Recruiter (benchmark)", Role.RECRUITER, "America/Chicago", true, password));
			}
			List<UserSummary> created = users.ensureAll(forms);
			String[] industries = { "Technology", "Finance", "Healthcare", "Retail", "Manufacturing" };
			transaction.executeWithoutResult(status -> {
				for (int i = 0; i < created.size(); i++) {
					jdbc.sql(
							"""
									insert into recruiter (user_id, specialties, industries, max_active_jobs, active, created_by,
									                       updated_by)
									values (:u, array['Engineering']::text[], array[:industry]::text[], :max, true, 'synthetic',
									        'synthetic') on conflict do nothing""")
						.param("u", created.get(i).id())
						.param("industry", industries[i % industries.length])
						.param("max", 8 + i % 10)
						.update();
				}
			});
			log.info("Synthetic executive: {} recruiters",
					jdbc.sql("select count(*) from recruiter").query(Integer.class).single());
		}
	}

}
