package io.intime.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.identity.CurrentUser;
import io.intime.shared.web.MoneyInput;
import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/**
 * The demo world's invoices: one a month for the last 15 months (since the relationship
 * began when that is later), about ARR/12 each in the account's currency, due by its
 * payment terms, numbered INV-YYYY-NNNN in order of issue. Each account pays in a rhythm
 * that drifts towards the days to pay of its planned payment points
 * ({@link DemoHealthPlan}: under 15 days for 20, 15–30 for 15, 31–45 for 10, 46–60 for 5,
 * over 60 for 0), and the rhythm is then shifted until the average over the invoices of
 * the last 365 days, measured as {@link io.intime.billing.BillingFacts} measures it
 * today, lands inside that band. Accounts whose payment points are low paid better a year
 * ago, so that their trend leads down to today.
 * <p>
 * The stories: TechCorp's INV-2024-0847 for $85,420.00, due exactly 45 days ago and
 * unpaid, while TechCorp otherwise pays on time (payment points 10); ABC Technologies
 * with two invoices more than 45 days overdue, one of them disputed by its account
 * manager (payment points 0).
 */
@Component
class DemoBilling implements DemoFacts {

	static final String TECHCORP_INVOICE = "INV-2024-0847";
	static final BigDecimal TECHCORP_AMOUNT = new BigDecimal("85420.00");
	static final String ABC_DISPUTE = "Two contractors placed in the spring left within the 60-day guarantee;"
			+ " the client asks for a credit before paying";

	private static final long SEED = 20261129L;

	private static final int MONTHS = 15;

	private static final int WINDOW_DAYS = 365;

	private final InvoiceManagement invoices;

	private final EntityManager entityManager;

	DemoBilling(InvoiceManagement invoices, EntityManager entityManager) {
		this.invoices = invoices;
		this.entityManager = entityManager;
	}

	@Override
	public int order() {
		return 20;
	}

	/**
	 * One invoice as planned: when it is issued and due, and how many days it takes to
	 * pay (or never, yet).
	 */
	static final class Planned {

		final DemoAccount account;

		final LocalDate issued;

		final LocalDate due;

		final BigDecimal amount;

		/** Days from issue to payment; paid when issue + days is today or earlier. */
		int days;

		/**
		 * The most days it may take (TechCorp pays within its terms); shifting stops
		 * there.
		 */
		int maxDays = Integer.MAX_VALUE;

		/**
		 * Not paid whatever the rhythm (a story's invoice): fixed status and no shifting.
		 */
		InvoiceStatus unpaid;

		String number;

		String disputeReason;

		Planned(DemoAccount account, LocalDate issued, LocalDate due, BigDecimal amount, int days) {
			this.account = account;
			this.issued = issued;
			this.due = due;
			this.amount = amount;
			this.days = days;
		}

		boolean paidBy(LocalDate day) {
			return unpaid == null && !issued.plusDays(days).isAfter(day);
		}

	}

	@Override
	public void create(DemoSetting world) {
		Random random = new Random(SEED);
		LocalDate today = world.today();
		List<Planned> all = new ArrayList<>();
		for (DemoAccount account : world.accounts()) {
			all.addAll(plan(account, world.plan().of(account.name).payment(), today, random));
		}
		number(all);
		CurrentUser finance = world.actor().apply("finance");
		Map<String, List<Planned>> byAccount = new HashMap<>();
		all.forEach(p -> byAccount.computeIfAbsent(p.account.name, name -> new ArrayList<>()).add(p));
		for (DemoAccount account : world.accounts()) {
			long accountId = world.idOf(account.name);
			List<Planned> mine = byAccount.getOrDefault(account.name, List.of());
			List<InvoiceForm> forms = new ArrayList<>();
			for (Planned p : mine) {
				boolean paid = p.paidBy(today);
				InvoiceStatus status = paid ? InvoiceStatus.PAID
						: p.unpaid == InvoiceStatus.OVERDUE ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
				forms.add(new InvoiceForm(p.number, p.issued, p.due, new MoneyInput(p.amount, account.currency), status,
						paid ? p.issued.plusDays(p.days) : null, null));
			}
			List<InvoiceView> created = invoices.createAll(accountId, forms, finance);
			for (int i = 0; i < mine.size(); i++) {
				if (mine.get(i).unpaid == InvoiceStatus.DISPUTED) {
					invoices.dispute(created.get(i).id(), mine.get(i).disputeReason, created.get(i).stamp().version(),
							world.actor().apply(account.owner));
				}
			}
			entityManager.flush();
			entityManager.clear();
		}
	}

	/** The invoices of one account, their payment rhythm set for the planned points. */
	static List<Planned> plan(DemoAccount account, int points, LocalDate today, Random random) {
		int terms = termsOf(account);
		LocalDate start = today.minusMonths(account.monthsAgo);
		BigDecimal monthly = BigDecimal.valueOf(account.arr).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
		Band band = Band.of(points);
		// Low payment points are a decline: a year ago the account paid one band better.
		double from = points <= 10 ? Band.of(points + 5).target : band.target;
		double to = band.target;
		if (account.name.equals("TechCorp")) {
			// Net 30 and "always on time historically": one late invoice makes the
			// average slow.
			band = Band.TECHCORP;
			from = 27;
			to = 28;
		}
		List<Planned> planned = new ArrayList<>();
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		for (int m = MONTHS - 1; m >= 0; m--) {
			LocalDate issued = firstOfMonth.minusMonths(m);
			if (issued.isBefore(start)) {
				continue;
			}
			double progress = (MONTHS - 1 - m) / (double) (MONTHS - 1);
			int days = Math.max(2, (int) Math.round(from + (to - from) * progress + random.nextGaussian() * 2.5));
			BigDecimal amount = monthly.multiply(BigDecimal.valueOf(0.94 + random.nextDouble() * 0.12))
				.setScale(2, RoundingMode.HALF_UP);
			Planned invoice = new Planned(account, issued, issued.plusDays(terms), amount, days);
			if (band == Band.TECHCORP) {
				invoice.maxDays = terms;
				invoice.days = Math.min(days, terms);
			}
			planned.add(invoice);
		}
		stories(account, planned, today);
		calibrate(planned, band, today);
		return planned;
	}

	private static void stories(DemoAccount account, List<Planned> planned, LocalDate today) {
		if (account.name.equals("TechCorp")) {
			LocalDate due = today.minusDays(45);
			Planned story = new Planned(account, due.minusDays(termsOf(account)), due, TECHCORP_AMOUNT, 0);
			story.unpaid = InvoiceStatus.OPEN;
			story.number = TECHCORP_INVOICE;
			planned.add(story);
		}
		if (account.name.equals("ABC Technologies")) {
			// The two most recent invoices issued more than 90 days ago are more than 45
			// days past
			// their Net 45 due date whatever day of the month today is.
			List<Planned> old = planned.stream()
				.filter(p -> p.issued.isBefore(today.minusDays(90)))
				.sorted(Comparator.comparing((Planned p) -> p.issued).reversed())
				.limit(2)
				.toList();
			old.get(0).unpaid = InvoiceStatus.OVERDUE;
			old.get(1).unpaid = InvoiceStatus.DISPUTED;
			old.get(1).disputeReason = ABC_DISPUTE;
		}
	}

	/**
	 * Shifts the days to pay of the account's ordinary invoices until the average over
	 * the last 365 days (as BillingFacts measures it today) is inside the band, with
	 * margin.
	 */
	static void calibrate(List<Planned> planned, Band band, LocalDate today) {
		for (int round = 0; round < 40; round++) {
			BigDecimal average = average(planned, today);
			if (average == null || band.contains(average)) {
				return;
			}
			int shift = (int) Math.round(band.target - average.doubleValue());
			int step = shift == 0 ? (band.target > average.doubleValue() ? 1 : -1) : shift;
			for (Planned p : planned) {
				if (p.unpaid == null) {
					p.days = Math.min(p.maxDays, Math.max(1, p.days + step));
				}
			}
		}
		throw new IllegalStateException(
				"Could not calibrate the invoices of " + planned.get(0).account.name + " to " + band);
	}

	/**
	 * Average days to pay today over the invoices of the last 365 days, as BillingFacts
	 * computes it.
	 */
	static BigDecimal average(List<Planned> planned, LocalDate today) {
		LocalDate windowStart = today.minusDays(WINDOW_DAYS);
		long sum = 0;
		int count = 0;
		for (Planned p : planned) {
			if (!p.issued.isAfter(windowStart) || p.issued.isAfter(today)) {
				continue;
			}
			if (p.paidBy(today)) {
				sum += p.days;
				count++;
			}
			else if (p.due.isBefore(today)) {
				sum += today.toEpochDay() - p.issued.toEpochDay();
				count++;
			}
		}
		return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}

	/**
	 * INV-YYYY-NNNN by year of issue, in order of issue; the stories' numbers are kept
	 * and never reused.
	 */
	private static void number(List<Planned> all) {
		List<Planned> ordered = new ArrayList<>(all);
		ordered.sort(Comparator.comparing((Planned p) -> p.issued));
		Map<Integer, Integer> sequence = new HashMap<>();
		for (Planned p : ordered) {
			if (p.number != null) {
				continue;
			}
			String number;
			do {
				int n = sequence.merge(p.issued.getYear(), 1, Integer::sum);
				number = String.format("INV-%d-%04d", p.issued.getYear(), n);
			}
			while (number.equals(TECHCORP_INVOICE));
			p.number = number;
		}
	}

	static int termsOf(DemoAccount account) {
		String terms = account.paymentTerms == null ? "Net 30" : account.paymentTerms;
		return Integer.parseInt(terms.replaceAll("\\D", ""));
	}

	/**
	 * A band of average days to pay and its points, with the target the rhythm aims at.
	 */
	enum Band {

		PROMPT(20, 3, 13, 9), ON_TIME(15, 17, 28, 23), SLOW(10, 33, 43, 37), LATE(5, 48, 58, 53), POOR(0, 66, 400, 72),
		/**
		 * Slow (10 points) only because of INV-2024-0847; the rest is paid around the Net
		 * 30 due date.
		 */
		TECHCORP(10, 31.5, 36, 33);

		final int points;

		final double low;

		final double high;

		final double target;

		Band(int points, double low, double high, double target) {
			this.points = points;
			this.low = low;
			this.high = high;
			this.target = target;
		}

		static Band of(int points) {
			for (Band band : List.of(PROMPT, ON_TIME, SLOW, LATE, POOR)) {
				if (band.points == points) {
					return band;
				}
			}
			throw new IllegalArgumentException("No payment band gives " + points + " points");
		}

		boolean contains(BigDecimal average) {
			return average.doubleValue() >= low && average.doubleValue() <= high;
		}

	}

}
