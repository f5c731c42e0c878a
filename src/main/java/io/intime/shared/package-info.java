/**
 * Small building blocks every module uses: money, paging, problem responses, the audit stamp
 * ({@link io.intime.shared.Audited}), the embedded database launcher and the contract of events
 * that are written to the domain event log; the web kit of every module's pages
 * ({@code shared.web}) and the CSV/XLSX import and export kit ({@code shared.io}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.intime.shared;
