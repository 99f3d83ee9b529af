-- personal access tokens for the API: only the SHA-256 of each token is stored (hex), never the token
create table access_token (
    id           uuid primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    name         varchar(80)  not null,
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint access_token_hash_unique unique (token_hash)
);

create index access_token_by_account on access_token (account_id, created_at);

-- an administrator disabled the account: it cannot log in or use its tokens
alter table account add column disabled boolean default false not null;
