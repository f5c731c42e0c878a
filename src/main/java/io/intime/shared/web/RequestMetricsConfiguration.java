package io.intime.shared.web;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Request diagnostics for benchmarks, off by default: with
 * {@code intime.diagnostics.request-metrics=true} every {@link DataSource} bean is
 * wrapped in a datasource-proxy that counts statement executions, and
 * {@link RequestMetricsFilter} reports the count and the server time of each request in
 * response headers; {@link SqlCapture} lets an admin capture the statements themselves,
 * for the benchmarks' SQL floor.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("intime.diagnostics.request-metrics")
class RequestMetricsConfiguration {

	@Bean
	static BeanPostProcessor statementCountingDataSources() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(beanName, dataSource).afterQuery((execution, queries) -> {
						RequestMetricsFilter.statementExecuted();
						SqlCapture.executed(execution, queries);
					}).build();
				}
				return bean;
			}
		};
	}

	/**
	 * First in the chain, before Spring Security, so that the time covers the whole
	 * request.
	 */
	@Bean
	FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter() {
		FilterRegistrationBean<RequestMetricsFilter> registration = new FilterRegistrationBean<>(
				new RequestMetricsFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
