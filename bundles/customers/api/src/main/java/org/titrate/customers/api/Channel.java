package org.titrate.customers.api;

/** Sales channel: wholesale (distributors, factories) or retail (labs, small workshops). */
public enum Channel {
    WHOLESALE, RETAIL
}
