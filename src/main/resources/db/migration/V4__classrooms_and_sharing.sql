-- a class: its creator is the instructor (and a member); others join with the invite code
create table classroom (
    id            uuid primary key,
    name          varchar(80) not null,
    instructor_id uuid        not null references account (id),
    invite_code   varchar(32) not null,
    created_at    timestamp with time zone not null,
    constraint classroom_invite_code_unique unique (invite_code)
);

create table classroom_member (
    classroom_id uuid not null references classroom (id) on delete cascade,
    account_id   uuid not null references account (id),
    joined_at    timestamp with time zone not null,
    primary key (classroom_id, account_id)
);

create index classroom_member_by_account on classroom_member (account_id);

-- who may see a run besides its owner: PRIVATE, CLASS (members of shared_classroom_id) or LINK
-- (accounts that opened the link while share_token was current)
alter table run add column sharing varchar(8) default 'PRIVATE' not null;
alter table run add column shared_classroom_id uuid references classroom (id);
alter table run add column share_token varchar(64);
create unique index run_by_share_token on run (share_token);
create index run_by_classroom on run (shared_classroom_id);

create table run_link_grant (
    run_id     uuid        not null references run (id) on delete cascade,
    account_id uuid        not null references account (id),
    token      varchar(64) not null,
    granted_at timestamp with time zone not null,
    primary key (run_id, account_id)
);
