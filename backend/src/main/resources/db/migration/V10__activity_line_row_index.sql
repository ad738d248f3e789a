-- Each job's lines by source row: the explorer pages through a job's lines in row order and opens a
-- line by its row (lineage) without reading the whole partition. The loader builds the partition's
-- index before attaching it, so attaching only adopts it.
create index activity_line_source_row on activity_line (source_row);
