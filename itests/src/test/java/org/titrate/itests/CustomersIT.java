package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Customers, prospects and follow-ups over REST. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CustomersIT extends TitrateTestSupport {

    @Test
    public void managesCustomersAndProspectsWithChineseData() {
        String code = "CU-" + RUN;
        Map<String, Object> body = map("code", code, "name", "江苏恒瑞精细化工有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE", "contactName", "王建国", "phone", "0512-6658 2301", "email", "wang@example.cn",
                "address", "江苏省苏州市工业园区星湖街 218 号", "source", "VISIT", "paymentTermDays", 30, "creditLimit", 500000);
        Reply created = post("/customers", body);
        assertEquals(created.body(), 201, created.status());
        JsonNode c = created.json();
        assertEquals("江苏省苏州市工业园区星湖街 218 号", c.path("address").asText());
        assertEquals("500000.00", c.path("creditLimit").decimalValue().toPlainString());
        assertEquals(code, get("/customers/" + c.path("id").asText()).json().path("code").asText());

        // A prospect without a code gets a generated one.
        Reply prospect = post("/customers", map("name", "无锡新纪元水处理科技有限公司 " + RUN, "channel", "RETAIL", "source", "ENQUIRY"));
        assertEquals(prospect.body(), 201, prospect.status());
        String generated = prospect.json().path("code").asText();
        assertTrue(generated, generated.matches("C\\d{6}"));
        assertEquals("PROSPECT", prospect.json().path("status").asText());

        JsonNode search = get("/customers?q=" + ProductsIT.encode("恒瑞精细化工有限公司 " + RUN)).json();
        assertEquals(1, search.path("total").asInt());
        JsonNode prospects = get("/customers?status=PROSPECT&channel=RETAIL&q=" + RUN).json();
        assertEquals(1, prospects.path("total").asInt());
        assertEquals(generated, prospects.path("items").get(0).path("code").asText());

        // Promote the prospect; a second update with the old version is a conflict.
        Map<String, Object> change = map("name", "无锡新纪元水处理科技有限公司 " + RUN, "status", "ACTIVE", "channel", "RETAIL",
                "version", prospect.json().path("version").asLong());
        assertEquals(200, put("/customers/" + generated, change).status());
        assertProblem(409, put("/customers/" + generated, change));
        assertEquals("ACTIVE", get("/customers/" + generated).json().path("status").asText());

        // Making a customer inactive needs a reason; the history tells who changed what, when and why.
        long version = get("/customers/" + generated).json().path("version").asLong();
        Map<String, Object> close = map("name", "无锡新纪元水处理科技有限公司 " + RUN, "status", "INACTIVE", "channel", "RETAIL",
                "version", version);
        assertEquals(List.of("changeReason"), assertProblem(400, put("/customers/" + generated, close)).errorFields());
        close.put("changeReason", "工厂搬迁，停止合作");
        assertEquals(200, put("/customers/" + generated, close).status());
        JsonNode history = get("/customers/" + generated + "/history").json();
        assertEquals(3, history.path("total").asInt());
        JsonNode last = history.path("items").get(0);
        assertEquals("ACTIVE", last.path("fromStatus").asText());
        assertEquals("INACTIVE", last.path("toStatus").asText());
        assertEquals("工厂搬迁，停止合作", last.path("reason").asText());
        assertEquals("admin", last.path("by").asText());
        assertEquals("status", last.path("fields").get(0).asText());
        assertEquals("PROSPECT", history.path("items").get(1).path("fromStatus").asText());
        assertTrue(history.path("items").get(2).path("fromStatus").isNull());
    }

    @Test
    public void recordsFollowUpVisitsAndEnquiries() {
        String code = "FU-" + RUN;
        assertEquals(201, post("/customers", map("code", code, "name", "常州天合光伏材料有限公司 " + RUN)).status());
        Reply visit = post("/customers/" + code + "/follow-ups", map("date", "2026-11-20", "channel", "VISIT",
                "summary", "上门拜访，介绍液碱年度供货方案", "nextAction", "发送报价单", "nextDate", "2026-12-01"));
        assertEquals(visit.body(), 201, visit.status());
        assertEquals("admin", visit.json().path("createdBy").asText());
        // Location names the new follow-up, and it can be read back there.
        Reply back = http("GET", visit.header("location"), "admin", adminPassword, null, Map.of());
        assertEquals(back.body(), 200, back.status());
        assertEquals("发送报价单", back.json().path("nextAction").asText());
        assertEquals(201, post("/customers/" + code + "/follow-ups", map("date", "2026-11-25", "channel", "PHONE",
                "summary", "电话确认月用量约 20 吨")).status());

        JsonNode list = get("/customers/" + code + "/follow-ups").json();
        assertEquals(2, list.path("total").asInt());
        assertEquals("2026-11-25", list.path("items").get(0).path("date").asText());
        assertEquals("上门拜访，介绍液碱年度供货方案", list.path("items").get(1).path("summary").asText());

        Reply bad = assertProblem(400, post("/customers/" + code + "/follow-ups", map("date", "2026-11-20",
                "nextDate", "2026-11-01", "channel", "TELEPATHY")));
        // the unreadable channel, the missing summary and the broken rule at once
        assertEquals(List.of("channel", "summary", "nextDate"), bad.errorFields());
        Reply missing = assertProblem(400, post("/customers/" + code + "/follow-ups", map("date", "2026-11-20",
                "nextDate", "2026-11-01", "channel", "VISIT")));
        assertTrue(missing.errorFields().containsAll(List.of("summary", "nextDate")));
        assertProblem(400, post("/customers/" + code + "/follow-ups", map("date", "20-11-2026", "channel", "VISIT", "summary", "x")));
        assertEquals(2, get("/customers/" + code + "/follow-ups").json().path("total").asInt());
        assertProblem(404, get("/customers/NOPE-" + RUN + "/follow-ups"));
    }

    @Test
    public void concurrentCreatesGetDistinctGeneratedCodes() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "并发客户 " + RUN + " " + i;
                replies.add(pool.submit(() -> post("/customers", map("name", name))));
            }
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Reply> f : replies) {
                Reply r = f.get();
                assertEquals(r.body(), 201, r.status());
                codes.add(r.json().path("code").asText());
            }
            assertEquals(16, codes.size());
            assertEquals(16, get("/customers?q=" + ProductsIT.encode("并发客户 " + RUN)).json().path("total").asInt());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void rejectsBadCustomersAndKeepsCodesUnique() {
        String code = "BADC-" + RUN;
        Reply r = assertProblem(400, post("/customers", map("code", code, "name", "", "email", "not-mail", "phone", "call me",
                "paymentTermDays", 9999, "creditLimit", -5)));
        assertTrue(r.errorFields().containsAll(List.of("name", "email", "phone", "paymentTermDays", "creditLimit")));
        assertEquals(List.of("status"), assertProblem(400, post("/customers", map("code", code, "name", "x", "status", "VIP")))
                .errorFields());
        assertEquals(List.of("paymentTermDays"), assertProblem(400, post("/customers", map("code", code, "name", "x",
                "paymentTermDays", 1.5))).errorFields());
        assertEquals(List.of("code"), assertProblem(400, post("/customers", map("code", "has space", "name", "x"))).errorFields());
        assertEquals(List.of("status"), assertProblem(400, get("/customers?status=VIP")).errorFields());
        assertProblem(404, get("/customers/" + code));

        assertEquals(201, post("/customers", map("code", code, "name", "宁波镇海炼化助剂厂")).status());
        assertProblem(409, post("/customers", map("code", code, "name", "另一个公司")));
        assertEquals("宁波镇海炼化助剂厂", get("/customers/" + code).json().path("name").asText());
    }
}
