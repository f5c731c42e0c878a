package io.intime.staffing;

/** The kind of engagement a placed candidate starts. */
public enum PlacementType {

	CONTRACT, CONTRACT_TO_HIRE, PERMANENT

}
