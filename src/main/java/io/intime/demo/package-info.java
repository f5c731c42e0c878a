/**
 * Demo world: the example data of the spec's stories ({@link io.intime.demo.DemoWorld},
 * created on a first start with an empty database) and a deterministic synthetic
 * portfolio for benchmarks ({@link io.intime.demo.SyntheticPortfolio}, see
 * {@code bench/README.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo world",
		allowedDependencies = { "identity", "accounts", "staffing", "billing", "engagement", "escalations", "revenue",
				"renewals", "tasks", "qbr", "workflows", "shared", "shared::*" })
package io.intime.demo;
