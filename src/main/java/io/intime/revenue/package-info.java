/**
 * Revenue: expansion opportunities (the pipeline board, proposals and renewals come
 * later). Publishes {@link io.intime.revenue.RevenueFacts} and
 * {@link io.intime.shared.AccountFactChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Revenue",
		allowedDependencies = { "accounts", "identity", "shared", "shared::*" })
package io.intime.revenue;
