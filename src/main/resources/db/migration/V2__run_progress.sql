alter table run add column checkpoint_file varchar(200);

-- the training loss every few steps (with the normalizing flow's two parts)
create table run_progress (
    run_id           uuid   not null references run (id) on delete cascade,
    step             bigint not null,
    epoch            int    not null,
    loss             double precision not null,
    log_det          double precision,
    log_pz           double precision,
    learning_rate    double precision not null,
    steps_per_second double precision not null,
    primary key (run_id, step)
);

-- the end of every epoch: validation loss and the sample snapshot's file
create table run_epoch (
    run_id             uuid   not null references run (id) on delete cascade,
    epoch              int    not null,
    step               bigint not null,
    validation_loss    double precision not null,
    validation_log_det double precision,
    validation_log_pz  double precision,
    snapshot_file      varchar(200) not null,
    primary key (run_id, epoch)
);

-- one row; the dispatcher locks it so that only one server at a time starts queued runs
create table queue_lock (id int primary key);
insert into queue_lock (id) values (1);
