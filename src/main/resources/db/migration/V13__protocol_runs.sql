-- the runs a "published protocols" page queued: which cell of which paper's table each one
-- reproduces, and with which of the protocol's seeds
create table protocol_run (
    run_id   uuid primary key references run (id) on delete cascade,
    protocol varchar(40) not null,
    task     varchar(40) not null,
    method   varchar(20) not null,
    seed     integer     not null
);

create index protocol_run_by_cell on protocol_run (protocol, task, method);
