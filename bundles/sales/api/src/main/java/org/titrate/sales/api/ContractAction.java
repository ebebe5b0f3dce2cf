package org.titrate.sales.api;

/**
 * What may happen to a contract: {@code ACTIVATE} (draft, once signed), {@code EXPIRE} (active, after its last valid
 * day), {@code TERMINATE} (draft or active, the reason required); {@code CREATE}, {@code UPDATE} and {@code ATTACH} are
 * recorded in the history only. Since 1.1.
 */
public enum ContractAction {
    CREATE, UPDATE, ACTIVATE, EXPIRE, TERMINATE, ATTACH
}
