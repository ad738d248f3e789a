-- The EU data-centre report is also stored as CSV, in the layout of the EU database's
-- reporting template (one row per data centre and indicator).
alter table report_content drop constraint report_content_format_check;
alter table report_content add constraint report_content_format_check
    check (format in ('pdf', 'xlsx', 'html', 'csv'));
