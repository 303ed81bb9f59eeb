-- Accounts, roles with a territory, personal API tokens, stored login throttling and the audit log
-- (geo-service de.ortsanker.accounts). Nothing here is ever part of a public layer or response.

create table accounts (
    id            bigserial primary key,
    login         text not null unique check (login ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
    display_name  text,
    password_hash text not null,                 -- bcrypt ({bcrypt}$2a$…); never the password
    created_at    timestamptz not null default now(),
    created_by    text not null,                 -- a login, or 'admin.sh' for the first administrator
    disabled_at   timestamptz                    -- disabled accounts keep their history, cannot sign in
);

-- A role, and for the roles that have one, its territory: an AGS prefix (steward of municipalities),
-- a source name (steward of a data source) or an organisation (its editor). Administrator and moderator
-- hold for the whole county.
create table account_roles (
    id          bigserial primary key,
    account_id  bigint not null references accounts(id),
    role        text not null check (role in
                  ('county_administrator', 'municipality_steward', 'source_steward', 'organisation_editor', 'moderator')),
    territory   text,
    granted_at  timestamptz not null default now(),
    granted_by  text not null,
    check ((role in ('county_administrator', 'moderator')) = (territory is null)),
    check (role <> 'municipality_steward' or territory ~ '^[0-9]{2,12}$'),
    unique (account_id, role, territory)
);

-- Personal API tokens: only a SHA-256 of the random secret is kept (the secret has 256 bits, so a fast
-- hash is enough and lookup by hash stays an index search); shown once when issued.
create table api_tokens (
    id           bigserial primary key,
    account_id   bigint not null references accounts(id),
    name         text not null,
    secret_hash  text not null unique check (secret_hash ~ '^[0-9a-f]{64}$'),
    scopes       text[] not null check (cardinality(scopes) > 0),
    created_at   timestamptz not null default now(),
    created_by   text not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_tokens_account on api_tokens (account_id);

-- Failed sign-ins per login (known or not, so that throttling says nothing about which logins exist);
-- stored so that a restart or a second instance does not reset it.
create table login_failures (
    login         text primary key,
    failures      integer not null,
    last_failure  timestamptz not null,
    locked_until  timestamptz
);

create table audit_events (
    id             bigserial primary key,
    at             timestamptz not null default clock_timestamp(),
    event          text not null,
    actor          text,            -- the login who acted (null: nobody signed in)
    subject        text,            -- what it concerned: a login, a token id, a role
    detail         jsonb not null default '{}',
    remote_address text
);
create index audit_events_at on audit_events (at);
