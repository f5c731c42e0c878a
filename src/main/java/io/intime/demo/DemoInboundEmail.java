package io.intime.demo;

import java.util.List;

import io.intime.engagement.InboundEmails;

import org.springframework.stereotype.Component;

/**
 * The morning's email of spec 02 as it arrives through the inbound webhook, pending the
 * account manager's review (step 10): Lisa Martinez of FinanceHub about Q1 hiring (step
 * 6), Jane Doe of DataSystems Inc. answering the outreach, and HealthTech's urgent
 * message about a contractor (step 14), which says critical words.
 */
@Component
class DemoInboundEmail implements DemoFacts {

	private final InboundEmails inbound;

	DemoInboundEmail(InboundEmails inbound) {
		this.inbound = inbound;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void create(DemoSetting world) {
		inbound.receive(new InboundEmails.InboundMessage("Lisa Martinez <lisa.martinez@financehub.com>",
				List.of("am@intime.example"), "Q1 2025 Hiring Plans",
				"""
						Hi Jordan,

						Hope you're doing well! We're planning our Q1 budget and expecting to open 8-10 contract roles in
						January (mix of Java developers, DevOps, and Data Engineers). Can we schedule time to discuss
						capacity and timelines?

						Let me know your availability this week.

						Thanks,
						Lisa""",
				null, "<q1-plans@financehub.com>", null, List.of()));
		inbound.receive(new InboundEmails.InboundMessage("Jane Doe <jane.doe@datasystemsinc.com>",
				List.of("am@intime.example"), "Re: Checking in", """
						Hi Jordan,

						Thanks for reaching out. We are in a budget review this quarter, so hiring is on hold for now.
						Happy to talk tomorrow at 10.

						Jane""", null, "<checkin-reply@datasystemsinc.com>", null, List.of()));
		inbound.receive(new InboundEmails.InboundMessage("David Lee <david.lee@healthtech.com>",
				List.of("am@intime.example"), "URGENT: contractor did not show up today", """
						Jordan,

						Our contractor on the claims platform did not show up this morning and we cannot reach him. This
						is urgent: our release is blocked. We are unhappy about the lack of notice. Please call me.

						David""", null, "<no-show@healthtech.com>", null, List.of()));
	}

}
