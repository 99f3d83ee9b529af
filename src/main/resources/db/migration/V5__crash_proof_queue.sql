-- the job engine's job that trains a started run now; only that job's trainer may write the run
alter table run add column job_id uuid;
alter table run add column job_assigned_at timestamp with time zone;
-- a started run that no trainer holds since its server stopped or died: it resumes from its checkpoint
alter table run add column waiting_to_resume boolean default false not null;
alter table run add column interruptions int default 0 not null;
