package org.titrate.sales.api;

/** What a user does to a document; every action lands in the document's history. */
public enum OrderAction {
    CREATE,
    UPDATE,
    CONFIRM,
    SHIP,
    CANCEL,
    SUBMIT,
    APPROVE,
    REJECT,
    RECEIVE,
    CLOSE,
    TRACKING
}
