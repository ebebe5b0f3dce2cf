package org.titrate.notifications.impl;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.DeliveryState;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.SalesOrder;
import org.titrate.sales.api.SalesOrderService;
import org.titrate.sales.api.StatusChange;

/**
 * The public return tracking page, {@code /track/<token>}: no login. It is an endpoint of its own on the CXF servlet
 * (which serves from the root), outside the REST API at {@code /api/v1} and its security filter. The token is 24 random
 * bytes, so the page can only be found from a message. It shows the return's stages, the courier and tracking number
 * and the messages sent; never prices, lines or who at the company acted.
 */
@Component(service = TrackingPage.class, immediate = true)
public class TrackingPage {
    static final String ADDRESS = "/track";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String HTML = "text/html; charset=UTF-8";

    @Reference
    private NotificationStore store;

    @Reference
    private SalesOrderService orders;

    private Server server;

    @Activate
    void activate() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(TrackingPage.class.getClassLoader());
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setAddress(ADDRESS);
            factory.setServiceBeans(List.of(new Page()));
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    @Path("/")
    public final class Page {
        @GET
        @Path("{token}")
        public Response page(@PathParam("token") String token) {
            Optional<String> number = token.matches("[A-Za-z0-9_-]{20,64}") ? store.orderOfToken(token) : Optional.empty();
            SalesOrder order = null;
            if (number.isPresent()) {
                try {
                    order = orders.get(number.get());
                } catch (NotFoundException e) {
                    order = null;
                }
            }
            if (order == null) {
                return Response.status(404).type(HTML).header("Cache-Control", "no-store")
                        .entity(html("退货跟踪 Return tracking", "<p>没有找到这个退货。No return has this link.</p>")).build();
            }
            return Response.ok(render(order, store.about(order.number())), HTML).header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer").build();
        }
    }

    static String render(SalesOrder order, List<Delivery> messages) {
        ZoneId zone = BusinessClock.zone();
        StringBuilder b = new StringBuilder();
        b.append("<h1>退货单 Return <span id=\"order\">").append(Templates.escape(order.number())).append("</span></h1>");
        b.append("<p>当前阶段 Stage: <strong id=\"stage\">").append(Templates.escape(Stages.name(order.status().name(), "zh-CN")))
                .append(" / ").append(Templates.escape(Stages.name(order.status().name(), "en"))).append("</strong></p>");
        b.append("<p>快递公司 Carrier: <span id=\"carrier\">").append(Templates.escape(nz(order.carrier()))).append("</span><br>")
                .append("运单号 Tracking number: <span id=\"tracking\">").append(Templates.escape(nz(order.trackingNumber()))).append("</span></p>");
        b.append("<h2>进度 History</h2><table id=\"history\"><tr><th>时间 Time</th><th>阶段 Stage</th><th>说明 Note</th></tr>");
        for (StatusChange c : order.history()) {
            if (c.toStatus() == null) {
                continue;
            }
            b.append("<tr><td>").append(TIME.format(c.at().atZone(zone))).append("</td><td>")
                    .append(Templates.escape(Stages.name(c.toStatus().name(), "zh-CN"))).append(" / ")
                    .append(Templates.escape(Stages.name(c.toStatus().name(), "en"))).append("</td><td>")
                    .append(Templates.escape(c.action().name().equals("REJECT") || c.action().name().equals("TRACKING") ? nz(c.comment()) : ""))
                    .append("</td></tr>");
        }
        b.append("</table><h2>已发送的消息 Messages sent</h2><table id=\"messages\"><tr><th>时间 Time</th><th>渠道 Channel</th><th>内容 Message</th></tr>");
        for (Delivery d : messages) {
            if (d.state() != DeliveryState.SENT) {
                continue;
            }
            b.append("<tr><td>").append(TIME.format(d.sentAt().atZone(zone))).append("</td><td>").append(d.channel()).append("</td><td>")
                    .append(Templates.escape(d.channel().name().equals("SMS") ? d.body() : d.subject())).append("</td></tr>");
        }
        b.append("</table>");
        return html("退货跟踪 " + order.number(), b.toString());
    }

    private static String html(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + Templates.escape(title) + "</title></head><body>" + body + "</body></html>";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
