package io.intime.identity;

/** The roles of InTime Accounts' users (one per user). */
public enum Role {

	EXECUTIVE("Executive"), SALES_DIRECTOR("Sales Director"), ACCOUNT_MANAGER("Account Manager"),
	RECRUITING_MANAGER("Recruiting Manager"), RECRUITER("Recruiter"), FINANCE("Finance"), LEGAL("Legal"),
	ADMIN("Administrator");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
