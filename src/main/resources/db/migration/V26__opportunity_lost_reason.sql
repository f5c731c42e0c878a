-- issue 10: an opportunity is lost for a reason, given on the board card or in the form.
alter table opportunity add column lost_reason varchar(500);
-- the reason belongs to a lost opportunity only (reopening or winning clears it)
alter table opportunity add constraint opportunity_lost_reason_check check (lost_reason is null or stage = 'LOST');
