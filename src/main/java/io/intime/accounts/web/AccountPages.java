package io.intime.accounts.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountAccess;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountSections;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.shared.Editable;
import io.intime.accounts.HealthBand;
import io.intime.accounts.Tier;
import io.intime.identity.AuditRecord;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.CurrencyRates;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.PageFormat;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.Conflict;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts list, Account 360 with its tabs, and the account create/edit forms. What a
 * person may do is decided by the facades; the pages only leave out what would be
 * refused.
 */
@Controller
class AccountPages {

	static final int PAGE_SIZE = 50;
	static final int HISTORY_PAGE_SIZE = 50;
	static final List<String> TABS = List.of("overview", "contacts", "contracts", "history");

	private static final List<String> FILTERS = List.of("q", "tier", "status", "owner", "strategic", "band",
			"healthMin", "healthMax", "archived");

	private static final Set<Role> IMPORTERS = Set.of(Role.EXECUTIVE, Role.SALES_DIRECTOR, Role.ADMIN,
			Role.ACCOUNT_MANAGER);

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ContractManagement contracts;

	private final UserDirectory users;

	private final AuditTrail audit;

	private final CurrencyRates rates;

	private final PageFormat format;

	private final AccountSections sections;

	private final Today time;

	AccountPages(AccountManagement accounts, ContactManagement contacts, ContractManagement contracts,
			UserDirectory users, AuditTrail audit, CurrencyRates rates, PageFormat format, AccountSections sections,
			Today time) {
		this.sections = sections;
		this.accounts = accounts;
		this.contacts = contacts;
		this.contracts = contracts;
		this.users = users;
		this.audit = audit;
		this.rates = rates;
		this.format = format;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	// ---------------------------------------------------------------- list

	/**
	 * The accounts list: the facade's search (two statements) and the account managers
	 * for the owner filter (one). An htmx request (typing in the search box, changing a
	 * filter) gets only the results.
	 */
	@GetMapping("/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
			@RequestParam(required = false) String status, @RequestParam(required = false) String strategic,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, @RequestParam(required = false) String band,
			@RequestParam(required = false) String healthMin, @RequestParam(required = false) String healthMax,
			@RequestParam(required = false) String archived, @RequestParam(required = false) String scope,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
			CurrentUser me, Model model, HttpServletRequest request, HttpServletResponse response,
			HttpSession session) {
		// The raw parameters: a blank one (the owner filter set to everyone) is a choice,
		// not an absent one.
		boolean landing = FILTERS.stream().noneMatch(request.getParameterMap()::containsKey);
		Long ownerId = AccountListScope.owner(scope, request.getParameter("owner"), landing, me, session);
		Boolean strategicOnly = "true".equals(strategic) ? Boolean.TRUE
				: "false".equals(strategic) ? Boolean.FALSE : null;
		String sortBy = sort != null && AccountListing.SORTS.contains(sort) ? sort : "name";
		AccountQuery query = new AccountQuery(q, AccountListing.tier(tier), AccountListing.status(status), ownerId,
				strategicOnly, AccountListing.band(band), AccountListing.score(healthMin),
				AccountListing.score(healthMax), sortBy, "desc".equals(dir), AccountListing.page(page), PAGE_SIZE,
				"true".equals(archived));
		PageResult<AccountSummary> result = accounts.search(query, me);
		model.addAttribute("listing", new AccountListing(query, strategicOnly == null ? null : strategicOnly.toString(),
				result, AccountListScope.offeredTo(me) ? me.id() : null));
		response.setHeader("Vary", "HX-Request");
		if (htmx != null && historyRestore == null) {
			return "accounts/list :: results";
		}
		model.addAttribute("owners", users.withRoles(Role.ACCOUNT_MANAGER));
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("statuses", AccountStatus.values());
		model.addAttribute("bands", HealthBand.values());
		model.addAttribute("canCreate", accounts.canCreateAccounts(me));
		model.addAttribute("canImport", IMPORTERS.contains(me.role()));
		model.addAttribute("canSeeArchived", accounts.canRestore(me));
		return "accounts/list";
	}

	// ---------------------------------------------------------------- Account 360

	/**
	 * Account 360. Opening it on the Overview tab is "opening the account" (an executive
	 * opening a strategic one is recorded); the other tabs only read it.
	 */
	@GetMapping("/accounts/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "overview") String tab,
			@RequestParam(required = false) String page, CurrentUser me, Model model) {
		String current = TABS.contains(tab) ? tab : "overview";
		AccountDetails account = "overview".equals(current) ? accounts.open(id, null, me) : accounts.get(id, me);
		AccountAccess access = account.access();
		List<ContactView> contactList = contacts.forAccount(id, me);
		List<ContractView> contractList = access.viewContracts() ? contracts.forAccount(id, me) : null;
		LocalDate today = time.today(me.timeZone());
		sections.header(model, account, current, me);
		model.addAttribute("today", today);
		model.addAttribute("contacts", contactList);
		model.addAttribute("activeContacts", contactList.stream().filter(ContactView::active).count());
		model.addAttribute("contracts", contractList);
		model.addAttribute("statusMoves", statusMoves(contractList, access));
		model.addAttribute("overview", AccountOverview.of(account, contractList, contactList, rates, today));
		if ("overview".equals(current)) {
			model.addAttribute("team", accounts.team(id));
		}
		if ("history".equals(current)) {
			history(account, contactList, contractList, AccountListing.page(page), me, model);
		}
		return "accounts/show";
	}

	/**
	 * Per contract, the statuses this user may move it to: those its life allows, without
	 * ACTIVE for those who do not execute contracts.
	 */
	private static Map<Long, List<ContractStatus>> statusMoves(List<ContractView> contracts, AccountAccess access) {
		Map<Long, List<ContractStatus>> moves = new LinkedHashMap<>();
		if (contracts == null || !access.changeContractStatus()) {
			return moves;
		}
		for (ContractView contract : contracts) {
			moves.put(contract.id(),
					contract.status()
						.next()
						.stream()
						.filter(to -> to != ContractStatus.ACTIVE || access.executeContracts())
						.toList());
		}
		return moves;
	}

	private void history(AccountDetails account, List<ContactView> contactList, List<ContractView> contractList,
			int page, CurrentUser me, Model model) {
		Map<String, List<Long>> ids = new LinkedHashMap<>();
		ids.put("account", List.of(account.id()));
		ids.put("contact", contactList.stream().map(ContactView::id).toList());
		if (contractList != null) {
			ids.put("contract", contractList.stream().map(ContractView::id).toList());
		}
		PageResult<List<AuditRecord>> saves = audit.savesOf(ids, new PageRequest(page, HISTORY_PAGE_SIZE));
		Map<Long, UserSummary> people = users
			.findAll(AccountHistory.peopleIn(saves.items().stream().flatMap(List::stream).toList()));
		model.addAttribute("historyPage", saves);
		model.addAttribute("history",
				AccountHistory.of(saves.items(), contactList, contractList, people, me.timeZone(), format));
	}

	// ---------------------------------------------------------------- create

	@GetMapping("/accounts/new")
	String newAccount(CurrentUser me, Model model) {
		requireCreate(me);
		return accountForm(AccountFormData.of(AccountForm.blank(), 0), FormErrors.none(), null, creatorAccess(me), me,
				model);
	}

	@PostMapping("/accounts/new")
	String create(@ModelAttribute("form") AccountFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			requireCreate(me);
			response.setStatus(422);
			return accountForm(form, FormErrors.of(binding), null, creatorAccess(me), me, model);
		}
		try {
			AccountDetails created = accounts.create(form.toForm(), me);
			flash.addFlashAttribute("toast", "Created " + created.name() + " (" + created.key() + ")");
			return "redirect:/accounts/" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return accountForm(form, FormErrors.none().addAll(e.errors()), null, creatorAccess(me), me, model);
		}
	}

	// ---------------------------------------------------------------- edit

	@GetMapping("/accounts/{id}/edit")
	String edit(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		requireEdit(account);
		Editable<AccountForm> editable = accounts.editable(id, me);
		return accountForm(AccountFormData.of(editable.form(), editable.version()), FormErrors.none(), account,
				account.access(), me, model);
	}

	/**
	 * Saves an edit. The facade refuses what the person may not do (403), input that
	 * breaks a rule (shown beside each field) and a stale version (someone else saved
	 * first: their values are shown beside the person's, and a second save overwrites
	 * knowingly).
	 */
	@PostMapping("/accounts/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") AccountFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			AccountDetails account = accounts.get(id, me);
			requireEdit(account);
			response.setStatus(422);
			return accountForm(form, FormErrors.of(binding), account, account.access(), me, model);
		}
		try {
			AccountDetails saved = accounts.update(id, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved " + saved.name());
			return "redirect:/accounts/" + id;
		}
		catch (StaleVersionException e) {
			AccountDetails account = accounts.get(id, me);
			Editable<AccountForm> current = accounts.editable(id, me);
			AccountFormData theirs = AccountFormData.of(current.form(), current.version());
			Map<Long, String> names = peopleNames(theirs, form);
			model.addAttribute("conflict",
					Conflict.between(
							"Their values are saved now; yours are still in the form below."
									+ " Review the differences and save again to replace theirs with yours.",
							theirs.comparable(), form.comparable(), format::field,
							(field, value) -> display(field, value, names)));
			form.setVersion(current.version());
			AccountAccess access = account.access();
			if (!access.changeOwnership()) {
				form.setOwnerId(current.form().ownerId());
				form.setExecutiveSponsorId(current.form().executiveSponsorId());
			}
			if (!access.setTierAndStrategic()) {
				form.setTierOverride(current.form().tierOverride());
				form.setStrategic(current.form().strategic());
			}
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return accountForm(form, FormErrors.none(), account, access, me, model);
		}
		catch (InvalidInputException e) {
			AccountDetails account = accounts.get(id, me);
			response.setStatus(422);
			return accountForm(form, FormErrors.none().addAll(e.errors()), account, account.access(), me, model);
		}
	}

	/**
	 * Deleting an account archives it; its page still opens, with a banner and Restore.
	 */
	@PostMapping("/accounts/{id}/delete")
	String delete(@PathVariable long id, CurrentUser me, RedirectAttributes flash) {
		AccountDetails account = accounts.get(id, me);
		accounts.archive(id, me);
		flash.addFlashAttribute("toast", "Archived " + account.name() + " (" + account.key() + ")");
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/restore")
	String restore(@PathVariable long id, CurrentUser me, RedirectAttributes flash) {
		AccountDetails account = accounts.restore(id, me);
		flash.addFlashAttribute("toast", "Restored " + account.name() + " (" + account.key() + ")");
		return "redirect:/accounts/" + id;
	}

	/**
	 * The only real delete (admins, archived accounts): the admin types the account's
	 * name.
	 */
	@PostMapping("/accounts/{id}/purge")
	String purge(@PathVariable long id, @RequestParam(required = false) String confirm, CurrentUser me,
			RedirectAttributes flash) {
		if (!accounts.canPurge(me)) {
			throw new AccessDeniedException("Only admins purge accounts");
		}
		AccountDetails account = accounts.get(id, me);
		try {
			accounts.purge(id, confirm, me);
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", "Nothing was purged: " + ("confirm".equals(e.errors().get(0).field())
					? "type the account's name, " + account.name() + ", exactly." : "archive the account first."));
			return "redirect:/accounts/" + id;
		}
		flash.addFlashAttribute("toast", "Purged " + account.name() + " (" + account.key() + ") with all its records");
		return "redirect:/accounts?archived=true";
	}

	private String accountForm(AccountFormData form, FormErrors errors, AccountDetails account, AccountAccess access,
			CurrentUser me, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("account", account);
		model.addAttribute("canChangeOwnership", access.changeOwnership());
		model.addAttribute("canSetTier", access.setTierAndStrategic());
		List<UserSummary> owners = new ArrayList<>(users.withRoles(Role.ACCOUNT_MANAGER));
		List<UserSummary> sponsors = new ArrayList<>(users.withRoles(Role.EXECUTIVE, Role.SALES_DIRECTOR));
		Set<Long> missing = new HashSet<>();
		if (form.getOwnerId() != null && owners.stream().noneMatch(u -> u.id() == form.getOwnerId())) {
			missing.add(form.getOwnerId());
		}
		if (form.getExecutiveSponsorId() != null
				&& sponsors.stream().noneMatch(u -> u.id() == form.getExecutiveSponsorId())) {
			missing.add(form.getExecutiveSponsorId());
		}
		if (!missing.isEmpty()) {
			Map<Long, UserSummary> found = users.findAll(missing);
			if (form.getOwnerId() != null && found.containsKey(form.getOwnerId())) {
				owners.add(0, found.get(form.getOwnerId()));
			}
			if (form.getExecutiveSponsorId() != null && found.containsKey(form.getExecutiveSponsorId())) {
				sponsors.add(0, found.get(form.getExecutiveSponsorId()));
			}
		}
		model.addAttribute("owners", owners);
		model.addAttribute("sponsors", sponsors);
		model.addAttribute("ownerName", nameIn(owners, form.getOwnerId(), "Unassigned"));
		model.addAttribute("sponsorName", nameIn(sponsors, form.getExecutiveSponsorId(), "None"));
		model.addAttribute("statuses", AccountStatus.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("currencies", rates.getUsdRates().keySet());
		model.addAttribute("timeZones", FormOptions.TIME_ZONES);
		model.addAttribute("regions", FormOptions.REGIONS);
		model.addAttribute("today", time.today(me.timeZone()));
		return "accounts/form";
	}

	private static String nameIn(List<UserSummary> people, Long id, String none) {
		if (id == null) {
			return none;
		}
		return people.stream().filter(u -> u.id() == id).map(UserSummary::fullName).findFirst().orElse("user #" + id);
	}

	private Map<Long, String> peopleNames(AccountFormData theirs, AccountFormData yours) {
		Set<Long> ids = new HashSet<>();
		for (Long id : new Long[] { theirs.getOwnerId(), theirs.getExecutiveSponsorId(), yours.getOwnerId(),
				yours.getExecutiveSponsorId() }) {
			if (id != null) {
				ids.add(id);
			}
		}
		Map<Long, String> names = new LinkedHashMap<>();
		users.findAll(ids).forEach((id, user) -> names.put(id, user.fullName()));
		return names;
	}

	private String display(String field, Object value, Map<Long, String> names) {
		if (value instanceof Long id && ("ownerId".equals(field) || "executiveSponsorId".equals(field))) {
			return names.getOrDefault(id, "user #" + id);
		}
		if ("tierOverride".equals(field) && value == null) {
			return "None (from ARR)";
		}
		return Conflict.text(value);
	}

	private void requireCreate(CurrentUser me) {
		if (!accounts.canCreateAccounts(me)) {
			throw new AccessDeniedException("Only executives, sales directors and admins create accounts");
		}
	}

	private static void requireEdit(AccountDetails account) {
		if (!account.access().edit()) {
			throw new AccessDeniedException("You may edit only the accounts you own");
		}
	}

	/**
	 * What a creator may set on a new account (creators see everything; only executives
	 * set tiers).
	 */
	private static AccountAccess creatorAccess(CurrentUser me) {
		boolean all = me.seesEverything();
		return new AccountAccess(all, all, me.hasRole(Role.EXECUTIVE), all, all, all, all, all, all, all, all,
				me.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR));
	}

}
