package io.intime.staffing.web;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.PageRequest;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobQuery;
import io.intime.staffing.JobStatus;
import io.intime.staffing.RecruiterAssignments;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterView;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A recruiter's page (spec 01 step 4, "View Details"): profile, specialties, capacity,
 * accounts, current jobs and six-month performance, for recruiting managers, executives,
 * sales directors and admins.
 */
@Controller
class RecruiterProfilePage {

	private final RecruiterManagement recruiters;

	private final RecruiterAssignments assignments;

	private final JobManagement jobs;

	RecruiterProfilePage(RecruiterManagement recruiters, RecruiterAssignments assignments, JobManagement jobs) {
		this.recruiters = recruiters;
		this.assignments = assignments;
		this.jobs = jobs;
	}

	@GetMapping("/recruiters/{id}")
	String show(@PathVariable long id, CurrentUser me, Model model) {
		if (!me.hasRole(Role.RECRUITING_MANAGER, Role.EXECUTIVE, Role.SALES_DIRECTOR, Role.ADMIN)) {
			throw new AccessDeniedException("Recruiter pages are for recruiting managers and executives");
		}
		RecruiterView recruiter = recruiters.get(id, me);
		model.addAttribute("r", recruiter);
		model.addAttribute("jobs",
				jobs.search(new JobQuery(null, JobStatus.OPEN, id, null), new PageRequest(0, 100), me).items());
		model.addAttribute("accounts", assignments.accountsOf(recruiter.userId(), id));
		return "staffing/recruiter";
	}

}
