-- a deleted run whose folder of files may still exist: written in the transaction that deletes the
-- run's rows, removed once its folder is gone (after the commit, or by the sweep at the next start)
create table run_deletion (
    run_id     uuid primary key,
    deleted_at timestamp with time zone not null
);
