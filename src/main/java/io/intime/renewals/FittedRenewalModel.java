package io.intime.renewals;

import java.util.ArrayList;
import java.util.List;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The renewal model fitted on the organization's own closed renewals: logistic regression
 * (Tribuo's linear SGD trainer with the log loss) over the same factor inputs as the
 * explicit model, so that their contributions read the same way.
 */
public final class FittedRenewalModel implements RenewalModel, java.io.Serializable {

	private static final long serialVersionUID = 1L;

	static final Label RENEWED = new Label("RENEWED");

	static final Label LOST = new Label("LOST");

	private static final String[] NAMES = names();

	private final Model<Label> model;

	private final int trainedOn;

	private FittedRenewalModel(Model<Label> model, int trainedOn) {
		this.model = model;
		this.trainedOn = trainedOn;
	}

	/**
	 * Fits the model on closed renewals: each one's factor values and whether it was
	 * renewed. Deterministic (a fixed seed).
	 */
	public static FittedRenewalModel fit(List<double[]> raw, List<Boolean> renewed) {
		LabelFactory labels = new LabelFactory();
		List<Example<Label>> examples = new ArrayList<>(raw.size());
		for (int i = 0; i < raw.size(); i++) {
			examples.add(example(raw.get(i), renewed.get(i) ? RENEWED : LOST));
		}
		ListDataSource<Label> source = new ListDataSource<>(examples, labels,
				new SimpleDataSourceProvenance("closed renewals", labels));
		MutableDataset<Label> data = new MutableDataset<>(source);
		LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 40, -1, 1,
				20261204L);
		return new FittedRenewalModel(trainer.train(data), raw.size());
	}

	@Override
	public double probability(double[] raw) {
		var prediction = model.predict(example(raw, RENEWED));
		var score = prediction.getOutputScores().get(RENEWED.getLabel());
		return score == null ? 0 : score.getScore();
	}

	@Override
	public String name() {
		return "Fitted on " + trainedOn + " closed renewals";
	}

	public int trainedOn() {
		return trainedOn;
	}

	private static ArrayExample<Label> example(double[] raw, Label label) {
		double[] inputs = new double[raw.length];
		for (int i = 0; i < raw.length; i++) {
			inputs[i] = RenewalFactor.ALL[i].input(raw[i]);
		}
		return new ArrayExample<>(label, NAMES, inputs);
	}

	private static String[] names() {
		String[] names = new String[RenewalFactor.ALL.length];
		for (int i = 0; i < names.length; i++) {
			names[i] = String.format("%02d-%s", i, RenewalFactor.ALL[i].name());
		}
		return names;
	}

}
