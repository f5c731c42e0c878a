/**
 * Small building blocks every module uses: money, paging, problem responses, the audit
 * stamp ({@link io.intime.shared.Audited}), the embedded database launcher and the
 * contract of events that are written to the domain event log; the web kit of every
 * module's pages ({@code shared.web}) and the CSV/XLSX import and export kit
 * ({@code shared.io}).
 * <p>
 * Time: the one {@code Clock} bean ({@code TimeConfiguration}, UTC) read through
 * {@link io.intime.shared.Today} for "now" and "today" (the organization's day in UTC, a
 * user's or an account's day in their time zone); no class calls {@code now()} on its
 * own. Work that must run once across nodes: the scheduler of
 * {@code io.intime.shared.scheduling}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.intime.shared;
