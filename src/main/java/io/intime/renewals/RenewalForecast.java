package io.intime.renewals;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.intime.shared.io.TableExport;
import io.intime.shared.web.PageFormat;

/**
 * The renewal forecast as a table (CSV or XLSX): every renewal of a pipeline with its
 * probability, the model's, its bucket, health, action and reason.
 */
public final class RenewalForecast {

	private RenewalForecast() {
	}

	/** The file name of a pipeline's forecast. */
	public static String fileName(RenewalPipeline.View view, TableExport.Format format) {
		return "renewal-forecast-" + view.today() + "." + format.extension();
	}

	public static void write(RenewalPipeline.View view, TableExport.Format format, OutputStream out)
			throws IOException {
		try (TableExport.Writer writer = TableExport.open(format, "Renewal forecast " + view.today(),
				List.of("Account", "Contract", "Account manager", "ARR", "Currency", "ARR (USD)", "Renewal date",
						"Days left", "Probability %", "Model probability %", "Forecast", "Health", "Action", "Reason",
						"Renewal stage"),
				out)) {
			for (RenewalPipeline.Row r : view.rows()) {
				writer.row(r.accountName(), r.contractNumber(), r.ownerName(), r.arr().amount(), r.arr().currency(),
						r.arrUsd().amount(), r.renewalDate(), r.daysLeft(), r.probability().percent(),
						r.probability().modelPercent(), PageFormat.labelOf(r.probability().bucket()), r.healthScore(),
						r.action().label(), r.reason(),
						r.renewalStage() == null ? "Not opened" : r.renewalStage().label());
			}
		}
	}

}
