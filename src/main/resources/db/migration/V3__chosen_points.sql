-- the points a student chose for the probability-estimation and reversal questions (§3.3 Q5,
-- §4.3 Q5), in the model's standardised coordinates, in the order chosen; carried between runs
create table chosen_point (
    account_id uuid             not null references account (id) on delete cascade,
    position   int              not null,
    x          double precision not null,
    y          double precision not null,
    primary key (account_id, position)
);
