/**
 * Small building blocks every module uses: money, paging, problem responses, the embedded
 * database launcher and the contract of events that are written to the domain event log.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.intime.shared;
