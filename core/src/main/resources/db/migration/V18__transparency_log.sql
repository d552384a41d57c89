-- Each site's ledger becomes a Merkle tree log in the manner of RFC 9162 (Certificate Transparency
-- 2.0). Leaf i (0-based) is the consent_ledger entry with seq = i + 1, its input the 32 bytes of the
-- entry's record digest. The sealer extends the tree and signs a tree head after each round.
--
-- The hash chain stops here: new entries leave prev_hash and hash empty, since a signed root covers
-- every entry before it and, unlike the chain, also shows a truncated tail. Entries sealed before
-- keep their links, which the verifier still checks.
alter table consent_ledger
    alter column prev_hash drop not null,
    alter column hash drop not null;

-- The hash of every perfect subtree of two leaves or more, inserted when its last leaf is sealed:
-- any subtree hash and the tree's right edge are lookups, never a walk of the leaves. (A leaf's own
-- hash comes from its entry's record digest.) Node (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level).
create table consent_ledger_node (
    site_id  bigint   not null references site (id),
    level    smallint not null check (level between 1 and 62),
    idx      bigint   not null check (idx >= 0),
    hash     bytea    not null check (octet_length(hash) = 32),
    primary key (site_id, level, idx)
);

-- Signed tree heads: the site's tree size and root hash at a time, signed by the receipt key
-- (compact JWS, typ tree-head+jws, payload {"site","treeSize","rootHash","timestamp"}).
create table consent_ledger_head (
    site_id    bigint      not null references site (id),
    tree_size  bigint      not null check (tree_size >= 0),
    root_hash  text        not null check (root_hash ~ '^[0-9a-f]{64}$'),
    signed_at  timestamptz not null,
    signature  text        not null,
    primary key (site_id, tree_size, signed_at)
);

-- A retention checkpoint keeps the right edge ("frontier") of the removed prefix of seq leaves: the
-- hashes of its perfect subtrees, largest first, so that proofs of the rest still work; a head is
-- signed at that size. A checkpoint made before this migration keeps its chain hash instead.
alter table consent_ledger_checkpoint
    alter column hash drop not null,
    add column frontier text[] check (frontier is null
        or array_to_string(frontier, '') ~ '^([0-9a-f]{64})*$'),
    add column root_hash text check (root_hash ~ '^[0-9a-f]{64}$');

-- Nodes leave only with the prefix retention removes; heads and checkpoints never change.
create trigger consent_ledger_node_is_append_only
    before update or delete on consent_ledger_node
    for each row execute function refuse_change_unless_deletion();

create trigger consent_ledger_head_is_append_only
    before update or delete on consent_ledger_head
    for each row execute function refuse_change();

create trigger consent_ledger_checkpoint_is_append_only
    before update or delete on consent_ledger_checkpoint
    for each row execute function refuse_change();

-- Tenant isolation as for the other ledger tables (V6): the tenant's verifier reads them.
alter table consent_ledger_node enable row level security;
create policy tenant_rows on consent_ledger_node using (site_id in (select consent_tenant_sites()))
    with check (site_id in (select consent_tenant_sites()));
alter table consent_ledger_head enable row level security;
create policy tenant_rows on consent_ledger_head using (site_id in (select consent_tenant_sites()))
    with check (site_id in (select consent_tenant_sites()));
