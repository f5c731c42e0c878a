package io.intime.engagement;

import io.intime.accounts.AccountSection;

import org.springframework.stereotype.Component;

/** Account 360's Activities tab: calls, emails, meetings, notes and NPS responses. */
@Component
class EngagementSection implements AccountSection {

    @Override
    public String id() {
        return "activities";
    }

    @Override
    public String label() {
        return "Activities";
    }

    @Override
    public int order() {
        return 30;
    }
}
