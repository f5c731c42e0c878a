-- A recruiter's record (placements and falloffs of the last six months) is read for
-- hundreds of recruiters at once by the dedicated-recruiter ranking (issue 14).
create index placement_recruiter_idx on placement (recruiter_id, start_date);
