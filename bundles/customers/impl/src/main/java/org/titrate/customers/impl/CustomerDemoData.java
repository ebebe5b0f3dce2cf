package org.titrate.customers.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.Channel;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerContact;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerSource;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.customers.api.Employee;
import org.titrate.customers.api.EmployeeService;
import org.titrate.customers.api.FollowUp;
import org.titrate.customers.api.FollowUpChannel;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.platform.api.time.BusinessClock;

/** Customers and prospects of a chemical distributor in the Yangtze delta, with their follow-ups. */
@Component
public class CustomerDemoData implements DemoData {

    static final List<Customer> CUSTOMERS = List.of(
            Customer.of("C000101", "江苏恒瑞精细化工有限公司", CustomerStatus.ACTIVE, Channel.WHOLESALE, "王建国", "0512-6658 2301",
                    "purchase@hengrui-chem.example.cn", "江苏省苏州市工业园区星湖街 218 号", CustomerSource.VISIT, 30, money("500000.00")),
            Customer.of("C000102", "浙江龙盛化工贸易有限公司", CustomerStatus.ACTIVE, Channel.WHOLESALE, "陈晓燕", "0575-8215 7788",
                    "cxy@longsheng-trade.example.cn", "浙江省绍兴市上虞区道墟镇 1 号", CustomerSource.REFERRAL, 45, money("800000.00")),
            Customer.of("C000103", "上海华谊新材料有限公司", CustomerStatus.ACTIVE, Channel.WHOLESALE, "李明", "021-6432 1100",
                    "liming@huayi-nm.example.cn", "上海市徐汇区龙吴路 4600 号", CustomerSource.ENQUIRY, 60, money("1200000.00")),
            Customer.of("C000104", "宁波镇海炼化助剂厂", CustomerStatus.ACTIVE, Channel.WHOLESALE, "周海涛", "0574-8627 3300",
                    null, "浙江省宁波市镇海区蛟川街道", CustomerSource.VISIT, 30, money("300000.00")),
            Customer.of("C000105", "南京大学化学化工学院实验室", CustomerStatus.ACTIVE, Channel.RETAIL, "刘老师", "025-8968 0000",
                    "lab@chem.example.edu.cn", "江苏省南京市栖霞区仙林大道 163 号", CustomerSource.ENQUIRY, 0, money("20000.00")),
            Customer.of("C000106", "杭州西湖电镀加工厂", CustomerStatus.ACTIVE, Channel.RETAIL, "赵师傅", "13805712345",
                    null, "浙江省杭州市西湖区转塘街道", CustomerSource.VISIT, 0, money("0.00")),
            Customer.of("C000107", "无锡新纪元水处理科技有限公司", CustomerStatus.PROSPECT, Channel.WHOLESALE, "孙丽", "0510-8522 6677",
                    "sunli@xinjiyuan-water.example.cn", "江苏省无锡市新吴区长江路 7 号", CustomerSource.ENQUIRY, 30, money("0.00")),
            Customer.of("C000108", "常州天合光伏材料有限公司", CustomerStatus.PROSPECT, Channel.WHOLESALE, "吴强", "0519-8517 9000",
                    null, "江苏省常州市新北区天合路 2 号", CustomerSource.OTHER, 30, money("0.00")),
            Customer.of("C000109", "合肥安科生物试剂商行", CustomerStatus.INACTIVE, Channel.RETAIL, "郑芳", "0551-6360 1234",
                    null, "安徽省合肥市蜀山区黄山路 451 号", CustomerSource.REFERRAL, 0, money("0.00")));

    /**
     * Who is told about orders, returns and overdue payments (issue 15's notifications): buyers and accountants with
     * mobile numbers and mailboxes, mostly in Chinese, one English-speaking buyer, one who takes SMS only, one who declined
     * e-mail. Mobile numbers are in the 138 0000 xxxx block and addresses under example.cn, so nothing reaches a real person.
     */
    static final Map<String, List<CustomerContact>> CONTACTS = Map.of(
            "C000101", List.of(contact("王建国", "13800001101", "purchase@hengrui-chem.example.cn", "zh-CN", "EMAIL", "SMS"),
                    contact("钱会计", "13800001102", "finance@hengrui-chem.example.cn", "zh-CN", "EMAIL")),
            "C000102", List.of(contact("陈晓燕", "13800001201", "cxy@longsheng-trade.example.cn", "zh-CN", "EMAIL", "SMS")),
            "C000103", List.of(contact("李明", "13800001301", "liming@huayi-nm.example.cn", "zh-CN", "EMAIL"),
                    contact("Anna Weber", null, "anna.weber@huayi-nm.example.cn", "en", "EMAIL")),
            "C000104", List.of(contact("周海涛", "13800001401", null, "zh-CN", "SMS")),
            "C000105", List.of(contact("刘老师", "13800001501", "lab@chem.example.edu.cn", "zh-CN", "EMAIL")),
            "C000106", List.of(contact("赵师傅", "13805712345", "zhao.shifu@xihu-plating.example.cn", "zh-CN", "SMS")));

    /** The sales team (mobile numbers in the 138 0000 xxxx block, mailboxes under example.cn) and whose customers they own. */
    static final List<Employee> EMPLOYEES = List.of(
            Employee.of("E001", "张伟", "华东销售部", "13800002001", "zhang.wei@titrate-demo.example.cn", null, true),
            Employee.of("E002", "李娜", "华东销售部", "13800002002", "li.na@titrate-demo.example.cn", null, true),
            Employee.of("E003", "王磊", "零售业务部", "13800002003", "wang.lei@titrate-demo.example.cn", null, true));
    static final Map<String, String> OWNERS = Map.of("C000101", "E001", "C000102", "E001", "C000103", "E002", "C000104", "E002",
            "C000105", "E003", "C000106", "E003", "C000107", "E001", "C000108", "E002");

    @Reference
    private CustomerService customers;

    @Reference
    private EmployeeService employees;

    @Override
    public String module() {
        return "customers";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String load() {
        int created = 0;
        int followUps = 0;
        LocalDate today = BusinessClock.today();
        int staff = 0;
        for (Employee e : EMPLOYEES) {
            if (employees.find(e.code(), null, null, new org.titrate.platform.api.PageRequest(0, 500)).items().stream()
                    .noneMatch(x -> x.code().equals(e.code()))) {
                employees.create(e);
                staff++;
            }
        }
        for (Customer c : CUSTOMERS) {
            if (customers.findByCode(c.code()).isPresent()) {
                continue;
            }
            customers.create(c.withSalesperson(OWNERS.get(c.code())));
            created++;
            if (c.status() == CustomerStatus.PROSPECT) {
                customers.addFollowUp(c.code(), new FollowUp(null, null, today.minusDays(7), FollowUpChannel.VISIT,
                        "上门拜访，介绍液碱和双氧水的年度供货方案，客户关注危化品运输资质。", "发送报价单和危险品运输许可证复印件",
                        today.plusDays(3), null, null));
                customers.addFollowUp(c.code(), new FollowUp(null, null, today.minusDays(2), FollowUpChannel.PHONE,
                        "电话跟进：客户确认月用量约 20 吨，要求 30 天账期。", "安排样品并约采购经理面谈", today.plusDays(10), null, null));
                followUps += 2;
            }
        }
        int contacts = 0;
        for (Map.Entry<String, List<CustomerContact>> e : CONTACTS.entrySet()) {
            if (customers.contacts(e.getKey()).isEmpty()) {
                contacts += customers.saveContacts(e.getKey(), e.getValue()).size();
            }
        }
        return staff + " employees, " + created + " customers, " + followUps + " follow-ups and " + contacts + " notification contacts added (" + CUSTOMERS.size()
                + " customers in the demo set)";
    }

    private static CustomerContact contact(String name, String mobile, String email, String language, String... channels) {
        return new CustomerContact(null, name, mobile, email, language, List.of(channels));
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }
}
