package io.intime.shared;

/**
 * Who caused a business fact: a user (by id and username) or the system (the scheduler, a
 * start-up task). Carried in events so that work done after a commit or on a schedule still
 * names its cause.
 */
public record Actor(Kind kind, Long userId, String name) {

    public enum Kind {
        USER, SYSTEM
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "system");

    public static Actor user(long userId, String username) {
        return new Actor(Kind.USER, userId, username);
    }
}
