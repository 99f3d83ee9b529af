-- the pack a running run trains in (runs of one shape trained as one), and its size when it last changed
alter table run add column pack_id uuid;
alter table run add column pack_size int default 0 not null;
