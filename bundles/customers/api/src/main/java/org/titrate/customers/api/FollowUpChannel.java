package org.titrate.customers.api;

/** How a follow-up happened. */
public enum FollowUpChannel {
    VISIT, PHONE, EMAIL, WECHAT, ENQUIRY, EXHIBITION, OTHER
}
