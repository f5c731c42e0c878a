/**
 * Notifications: what each module tells people about its records, on the channels they
 * chose. A module declares the kinds of notice it sends as {@link NotificationKind} beans
 * (who receives them, default severity and channels) and sends {@link Notice}s through
 * {@link Notifications} inside the transaction of the change that caused them; this
 * module resolves the recipients (keeping only those who may see the record), writes one
 * notification per recipient (the in-app bell and list) and one delivery per outside
 * channel (email, chat, SMS, digest) in that same transaction, and senders on the
 * scheduler deliver them once each, with retries, quiet hours and daily digests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "accounts", "identity", "shared", "shared::*" })
package io.intime.notifications;
