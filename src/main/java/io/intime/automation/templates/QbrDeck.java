package io.intime.automation.templates;

import io.intime.qbr.QbrDocuments;
import io.intime.shared.InvalidInputException;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts the QBR's deck (PowerPoint) from the quarter's review with the QBR module's deck
 * writer and keeps it with the step, for the account manager to finish and upload. A
 * quarter without any data has no deck: the step says so and the run goes on.
 */
@Component
class QbrDeck implements WorkflowAction {

	static final String KEY = "qbr.deck";

	private final QbrDocuments documents;

	private final TransactionTemplate separately;

	QbrDeck(QbrDocuments documents, PlatformTransactionManager transactions) {
		this.documents = documents;
		// a quarter without data is refused inside the deck's own (read-only)
		// transaction:
		// apart, so that the refusal does not doom the step's
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.separately.setReadOnly(true);
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Drafts the QBR deck from the quarter's review";
	}

	@Override
	public ActionResult run(ActionContext context) {
		Long qbrId = context.qbrId() != null ? context.qbrId() : RunValues.id(context, "qbr-prepare", "qbrId");
		if (qbrId == null) {
			return ActionResult.of("No QBR to draft a deck for: upload your own deck in the next step");
		}
		try {
			QbrDocuments.File deck = separately.execute(status -> documents.preview(qbrId, "pptx", Actors.SYSTEM));
			return ActionResult.of("Deck drafted: " + deck.name() + " (" + deck.content().length / 1024 + " KB)")
				.withFile(deck.name(), deck.contentType(), deck.content());
		}
		catch (InvalidInputException e) {
			return ActionResult
				.of("No deck drafted: " + e.errors().get(0).message() + "; upload your own deck in the next step");
		}
	}

}
