-- a data set a user drew or uploaded: its points as little-endian float32 pairs (x0, y0, x1, y1, ...),
-- its labels one byte per point (null when unlabelled), and for a drawing its strokes (so that the
-- density, uniform under the strokes, stays exact)
create table user_data_set (
    id          uuid primary key,
    owner_id    uuid        not null references account (id),
    name        varchar(80) not null,
    source      varchar(8)  not null,
    created_at  timestamp with time zone not null,
    point_count integer     not null,
    classes     integer     not null,
    points      bytea       not null,
    labels      bytea,
    strokes     bytea,
    constraint user_data_set_name_unique unique (owner_id, name)
);

-- which runs train on which user data set: a data set in use is not deleted, and whoever may see
-- such a run may read the data set
create table run_user_data_set (
    run_id      uuid primary key references run (id) on delete cascade,
    data_set_id uuid not null references user_data_set (id) on delete cascade
);

create index run_user_data_set_by_data_set on run_user_data_set (data_set_id);
