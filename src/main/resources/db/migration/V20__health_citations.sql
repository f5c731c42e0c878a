-- Health's sentences cite other modules' records (an overdue invoice's number, the largest
-- opportunity's value and title, the latest escalation's title, the last hire's title, the
-- latest NPS response) as {cite:MODULE:shown|hidden} tokens, rendered for each reader as that
-- module's rules allow (io.intime.health.Citations). Sentences and alert reasons stored before
-- are given the tokens here, so that no reader sees a cited detail until the next recompute
-- rewrites them. (The next recompute finds the fingerprints changed and rewrites the rows.)
update account_health_detail d
set explanations = array(
  select regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(e.value,
           '; (\S+) is (\{days:[0-9-]+\}) days overdue', '; {cite:BILLING:\1|an invoice} is \2 days overdue'),
           '(open expansion opportunit(y|ies)), largest (.*)$', '\1{cite:REVENUE:, largest \3|}'),
           ' \(latest: (.*)\)$', '{cite:ESCALATIONS: (latest: \1)|}'),
           'last hire: ([A-Z][a-z]{2} [0-9]{1,2}), (.*), (\{days:[0-9-]+\}) days ago\)', 'last hire: \1{cite:STAFFING:, \2|}, \3 days ago)'),
           '; latest ([0-9]+/10 on [A-Z][a-z]{2} [0-9]{1,2})\)$', '{cite:ENGAGEMENT:; latest \1|})')
  from unnest(d.explanations) with ordinality as e(value, n)
  order by e.n)
where exists (select 1 from unnest(d.explanations) x where x not like '%{cite:%');

update health_alert
set reason = regexp_replace(reason, '^Invoice (\S+) is ([0-9]+) days overdue$', '{cite:BILLING:Invoice \1|An invoice} is \2 days overdue')
where rule = 'INVOICE_OVERDUE' and reason not like '%{cite:%';
