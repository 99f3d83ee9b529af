-- docs/figures.md "Figures against the truth": the data's entropy and the share of samples outside
-- its support (null when the data's density is not known exactly), the exact 2-Wasserstein distance
-- and, for flow matching, the normalized path energy (null until computed after the run finished)
alter table run add column data_entropy double precision;
alter table run add column outside_support_fraction double precision;
alter table run add column exact_w2 double precision;
alter table run add column normalized_path_energy double precision;
-- when a server began computing the exact transport figures of a finished run (null: none has)
alter table run add column transport_started_at timestamp with time zone;
