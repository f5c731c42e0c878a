package io.intime.notifications;

/** Where a notice reaches its recipient. The in-app bell and list always get it. */
public enum Channel {

	IN_APP, EMAIL, CHAT, SMS

}
