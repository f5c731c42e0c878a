package io.intime.accounts.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContractManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.intime.accounts.web.AccountFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The accounts list must stay fast with 10,000 accounts: a page of 50 rows runs the same
 * statements as a page of one (the search, its owners, the owner filter), never one per row.
 * Counts every JDBC statement the request prepares, Hibernate's and JdbcClient's alike.
 */
@IntegrationTest
@Import(AccountListStatementsIntegrationTest.CountStatements.class)
class AccountListStatementsIntegrationTest {

    static final AtomicInteger statements = new AtomicInteger();
    static volatile Thread counted;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory users;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ContactManagement contacts;

    @Autowired
    ContractManagement contracts;

    @Test
    void aFullPageRunsNoMoreStatementsThanAPageOfOne() throws Exception {
        AccountFixtures fixtures = new AccountFixtures(users, accounts, contacts, contracts);
        String word = AccountFixtures.unique("Volume");
        CurrentUser[] owners = { fixtures.user(Role.ACCOUNT_MANAGER), fixtures.user(Role.ACCOUNT_MANAGER),
                fixtures.user(Role.ACCOUNT_MANAGER), fixtures.user(Role.ACCOUNT_MANAGER) };
        for (int i = 1; i <= 60; i++) {
            fixtures.account(String.format("%s %03d", word, i)).ownedBy(owners[i % owners.length]).create();
        }
        CurrentUser viewer = fixtures.user(Role.SALES_DIRECTOR);
        // Warm-up: the first request of a user may do one-off work (e.g. caches).
        count(get("/accounts").param("q", word).with(as(viewer)), 50);

        int fullPage = count(get("/accounts").param("q", word).param("sort", "arr").with(as(viewer)), 50);
        int onePage = count(get("/accounts").param("q", word + " 007").with(as(viewer)), 1);
        int htmxPage = count(get("/accounts").param("q", word).header("HX-Request", "true").with(as(viewer)), 50);

        assertThat(fullPage).isEqualTo(onePage);
        // Sign-in by HTTP Basic (2) + search (3: page, total, owners' names) + owner filter (1); a
        // browser session has no sign-in statements, so a signed-in page runs 4 (bench/ measures that).
        // The htmx fragment skips the filter.
        assertThat(fullPage).isLessThanOrEqualTo(6);
        assertThat(htmxPage).isEqualTo(fullPage - 1);
    }

    @Test
    void pagesThroughFiftyAtATime() throws Exception {
        AccountFixtures fixtures = new AccountFixtures(users, accounts, contacts, contracts);
        String word = AccountFixtures.unique("Paged");
        for (int i = 1; i <= 53; i++) {
            fixtures.account(String.format("%s %03d", word, i)).create();
        }
        CurrentUser viewer = fixtures.user(Role.EXECUTIVE);

        var first = Jsoup.parse(mvc.perform(get("/accounts").param("q", word).with(as(viewer))).andReturn().getResponse()
                .getContentAsString());
        assertThat(first.selectFirst("#pager-range").text()).isEqualTo("1–50 of 53 · page 1 of 2");
        assertThat(first.select("#page-prev")).isEmpty();
        String next = first.selectFirst("#page-next").attr("href");
        assertThat(next).contains("q=" + word).contains("page=1");

        var second = Jsoup.parse(mvc.perform(get(next).with(as(viewer))).andReturn().getResponse().getContentAsString());
        assertThat(second.select("tr.account-row a.account-link").eachText())
                .containsExactly(word + " 051", word + " 052", word + " 053");
        assertThat(second.selectFirst("#account-count").text()).isEqualTo("51–53 of 53 accounts");

        var byArr = Jsoup.parse(mvc.perform(get("/accounts").param("q", word).param("sort", "arr").param("dir", "desc")
                .with(as(viewer))).andReturn().getResponse().getContentAsString());
        assertThat(byArr.selectFirst("th[aria-sort=descending] a").text()).startsWith("ARR");
        assertThat(byArr.selectFirst("th[aria-sort=descending] a").attr("href")).contains("sort=arr").doesNotContain("dir=desc");
    }

    private int count(MockHttpServletRequestBuilder request, int expectedRows) throws Exception {
        statements.set(0);
        counted = Thread.currentThread();
        String body;
        try {
            body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        finally {
            counted = null;
        }
        assertThat(Jsoup.parse(body).select("tr.account-row")).hasSize(expectedRows);
        return statements.get();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountStatements {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource ? new CountingDataSource(dataSource) : bean;
                }
            };
        }
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if ((name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement"))
                                && Thread.currentThread() == counted) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        }
                        catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
