-- What the recruiter or account manager noted on a placement (how it was won, what the
-- client said): a QBR chooses its success stories from the placements with notes.
alter table placement add column notes text;
