package io.intime.shared;

import java.time.Instant;

/**
 * One dated item of an account's timeline (a call, an invoice paid, a placement started,
 * an escalation raised …), as any module that keeps facts about accounts contributes it.
 *
 * @param at when it happened (UTC)
 * @param kind what it is, e.g. {@code activity.call}, {@code placement},
 * {@code escalation}, {@code nps}
 * @param title one line, e.g. "Escalation ESC-2026-0012 – Poor candidate quality
 * (Resolved)"
 * @param detail optional second line, or {@code null}
 * @param href link to the record, or {@code null}
 * @param tone {@code positive}, {@code neutral} or {@code negative}: how it reads for the
 * relationship
 */
public record TimelineEntry(Instant at, String kind, String title, String detail, String href, String tone) {
}
