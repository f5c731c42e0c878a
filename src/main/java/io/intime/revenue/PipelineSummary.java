package io.intime.revenue;

import java.util.List;

import io.intime.shared.Money;

/**
 * An account's open pipeline: its total in US dollars at the constant rates, and per open
 * stage how many opportunities and what they are worth.
 */
public record PipelineSummary(int openCount, Money openUsd, List<Stage> stages, int won, Money wonUsd, int lost) {

	/** One open stage of the pipeline. */
	public record Stage(OpportunityStage stage, int count, Money totalUsd) {
	}
}
