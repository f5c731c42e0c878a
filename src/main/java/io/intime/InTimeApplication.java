package io.intime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * InTime Accounts: the account-management part of InTime OS. A modular monolith, one
 * top-level package per business module (see README's module map).
 */
@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
@EnableAsync
@EnableScheduling
public class InTimeApplication {

	public static void main(String[] args) {
		SpringApplication.run(InTimeApplication.class, args);
	}

}
