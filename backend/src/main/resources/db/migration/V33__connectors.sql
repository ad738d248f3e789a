-- Connectors (module connectors): where exports and telemetry land and how often to collect
-- them. Settings hold no secrets; the secrets (access keys, account keys, SAS tokens, bearer
-- tokens) are stored only encrypted (AES-256-GCM, a random 96-bit nonce before the
-- ciphertext), with the names of the secrets that are set beside them so that the API can
-- say which are set without decrypting.
create table connector (
    id uuid primary key,
    name text not null unique check (length(name) between 1 and 100),
    type text not null check (type in ('S3', 'AZURE_BLOB', 'PROMETHEUS')),
    schedule text,
    org_unit text,
    settings jsonb not null default '{}'::jsonb,
    secrets bytea,
    secret_names text[] not null default '{}',
    created_by text not null,
    created_at timestamptz not null,
    updated_by text not null,
    updated_at timestamptz not null,
    version bigint not null default 0
);
