-- Company-wide NPS over a period (the revenue reports, the scorecards) reads responses by
-- date across all accounts.
create index nps_response_date_idx on nps_response (responded_on) include (score, account_id);
