create table account (
    id            uuid primary key,
    username      varchar(40)  not null,
    password_hash varchar(100) not null,
    created_at    timestamp with time zone not null,
    constraint account_username_unique unique (username)
);

create table run (
    id               uuid primary key,
    owner_id         uuid         not null references account (id),
    name             varchar(80)  not null,
    family           varchar(8)   not null,
    settings         varchar(4000) not null,
    status           varchar(12)  not null,
    failure_reason   varchar(1000),
    device           varchar(40),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    cancel_requested boolean      not null,
    steps_done       bigint       not null,
    total_steps      bigint       not null,
    heldout_nll      double precision,
    in_ring_fraction double precision,
    sliced_w2        double precision
);

create index run_by_owner on run (owner_id, created_at);
create index run_by_status on run (status, created_at);
