package io.intime.accounts;

/**
 * What a user may do with one account ({@code viewHealth}: see its health score, page,
 * history and alerts; {@code executeContracts}: make a contract ACTIVE), per the
 * permissions matrix of spec 03. Pages use it to show only the actions that will succeed;
 * the facades enforce the same rules.
 */
public record AccountAccess(boolean edit, boolean delete, boolean setTierAndStrategic, boolean changeOwnership,
		boolean editContacts, boolean deleteContacts, boolean viewContracts, boolean editContracts,
		boolean changeContractStatus, boolean export, boolean viewHealth, boolean executeContracts) {
}
