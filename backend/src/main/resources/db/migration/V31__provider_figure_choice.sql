-- Which figure the organisation's inventory reports for a provider's cloud usage in a
-- month (module providercarbon): GreenLedger's estimate (the default, also when no row
-- exists) or the provider's own figure. One row per provider and month; every change is
-- recorded in the audit log (PROVIDER_FIGURE_CHOSEN).
create table provider_figure_choice (
    provider text not null,
    month date not null check (extract(day from month) = 1),
    figure text not null check (figure in ('GREENLEDGER', 'PROVIDER')),
    chosen_by text not null,
    chosen_at timestamptz not null,
    reason text,
    primary key (provider, month)
);
