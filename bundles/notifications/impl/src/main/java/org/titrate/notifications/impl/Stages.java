package org.titrate.notifications.impl;

import java.util.Map;

/** The names customers read for the stages of their documents. */
final class Stages {
    private static final Map<String, String> ZH = Map.of("DRAFT", "草稿", "SUBMITTED", "已提交，待审批", "APPROVED", "已批准，待寄回",
            "REJECTED", "已驳回", "RECEIVED", "已收货，待退款", "CLOSED", "已完成", "REFUNDED", "已退款", "CONFIRMED", "已确认", "SHIPPED", "已发货",
            "CANCELLED", "已取消");
    private static final Map<String, String> EN = Map.of("DRAFT", "draft", "SUBMITTED", "submitted, waiting for approval", "APPROVED",
            "approved, waiting for the goods", "REJECTED", "rejected", "RECEIVED", "goods received, refund pending", "CLOSED", "closed",
            "REFUNDED", "refunded", "CONFIRMED", "confirmed", "SHIPPED", "shipped", "CANCELLED", "cancelled");

    private Stages() {
    }

    static String name(String status, String language) {
        if (status == null) {
            return "";
        }
        Map<String, String> names = "en".equals(language) ? EN : ZH;
        return names.getOrDefault(status, status);
    }
}
