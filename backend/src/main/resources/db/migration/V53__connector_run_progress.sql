-- Where a running connector run stands (module connectors): what it is doing, the files
-- its plan chose, those fetched and handed to ingestion, and their bytes.
alter table connector_run
    add column step          text    not null default '',
    add column files_planned integer not null default 0,
    add column files_fetched integer not null default 0,
    add column bytes_fetched bigint  not null default 0;
