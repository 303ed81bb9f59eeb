-- Single sign-on with the county's OpenID Connect provider (geo-service de.ortsanker.accounts.SingleSignOn).
-- An identity at a provider is its issuer and subject (OpenID Connect Core 5.7: the only stable pair; e-mail
-- and user names change and may be reassigned). It maps to one Ortsanker account, made at its first sign-in
-- without roles; administrators grant roles as for local accounts.
create table account_identities (
    issuer      text not null check (btrim(issuer) <> '' and char_length(issuer) <= 500),
    subject     text not null check (btrim(subject) <> '' and char_length(subject) <= 255),
    account_id  bigint not null references accounts (id),
    linked_at   timestamptz not null default now(),
    last_login  timestamptz,
    primary key (issuer, subject)
);
create index account_identities_account on account_identities (account_id);

-- An account that signs in only through the provider has no password: no password can sign it in.
alter table accounts alter column password_hash drop not null;
