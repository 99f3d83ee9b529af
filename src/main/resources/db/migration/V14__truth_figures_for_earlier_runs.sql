-- finished runs without the figures against the data's density (they finished before those
-- existed) wait for the transport-figures worker once more, which now adds them where the
-- density is known; for the rest it computes the same exact W2 again
update run set exact_w2 = null, normalized_path_energy = null, transport_started_at = null
where status = 'FINISHED' and data_entropy is null;
