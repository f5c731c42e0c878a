package io.intime.accounts;

/** Master services agreement or statement of work. */
public enum ContractType {

	MSA, SOW

}
