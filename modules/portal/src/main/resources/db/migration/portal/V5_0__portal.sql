-- Portal sites: every unit's public site (theme, menu, categories, static pages, articles with review, files)
-- and the visit counters. Every table is tenant-scoped under row-level security like the rest.
--
-- Two ways to read these rows:
--  * the unit's editors, under the usual scope (visible_tenants()): everything of their unit(s);
--  * the public site, in a transaction that sets app.public = 'on' and no tenant: only what is public
--    (published and due articles, published pages, public files, themes, menus, categories), whatever the
--    query says. A draft cannot leak to a visitor through a forgotten WHERE clause.

-- Editors write and submit articles; approvers publish or return them.
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
    CHECK (roles <@ ARRAY['PROVINCE_ADMIN','UNIT_ADMIN','STAFF','CITIZEN','EDITOR','APPROVER']::text[]);

CREATE FUNCTION portal_public_read() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT COALESCE(NULLIF(current_setting('app.public', true), ''), 'off') = 'on'
$$;
GRANT EXECUTE ON FUNCTION portal_public_read() TO ${app_role};

CREATE TABLE portal_file (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint       NOT NULL REFERENCES tenant(id),
    name         varchar(255) NOT NULL CHECK (length(btrim(name)) > 0),
    content_type varchar(100) NOT NULL,
    size_bytes   integer      NOT NULL CHECK (size_bytes > 0),
    content      bytea        NOT NULL,
    sha256       char(64)     NOT NULL,
    width        integer,
    height       integer,
    thumbnail    bytea,
    is_public    boolean      NOT NULL DEFAULT false,
    uploaded_by  varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX portal_file_tenant ON portal_file (tenant_id, id DESC);

CREATE TABLE portal_theme (
    tenant_id       bigint      PRIMARY KEY REFERENCES tenant(id),
    primary_colour  char(7)     NOT NULL CHECK (primary_colour ~ '^#[0-9a-f]{6}$'),
    accent_colour   char(7)     NOT NULL CHECK (accent_colour ~ '^#[0-9a-f]{6}$'),
    layout          varchar(16) NOT NULL CHECK (layout IN ('classic', 'magazine', 'compact')),
    footer_text     text,
    banner_file_id  bigint      REFERENCES portal_file(id) ON DELETE SET NULL,
    updated_by      varchar(64) NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE portal_category (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint       NOT NULL REFERENCES tenant(id),
    name       varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    name_en    varchar(200),
    slug       varchar(200) NOT NULL,
    position   integer      NOT NULL DEFAULT 0,
    -- announcements are listed in their own block of the home page
    kind       varchar(12)  NOT NULL DEFAULT 'news' CHECK (kind IN ('news', 'announcement')),
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX portal_category_tenant ON portal_category (tenant_id, position, id);

CREATE TABLE portal_page (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint       NOT NULL REFERENCES tenant(id),
    title      varchar(300) NOT NULL CHECK (length(btrim(title)) > 0),
    slug       varchar(300) NOT NULL,
    body       text         NOT NULL DEFAULT '',
    published  boolean      NOT NULL DEFAULT true,
    updated_by varchar(64)  NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX portal_page_tenant ON portal_page (tenant_id, id);

-- Nested menu: an item links to a URL, a category or a page; parent_id nests it (same unit).
CREATE TABLE portal_menu_item (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint       NOT NULL REFERENCES tenant(id),
    parent_id   bigint       REFERENCES portal_menu_item(id) ON DELETE CASCADE,
    label       varchar(100) NOT NULL CHECK (length(btrim(label)) > 0),
    label_en    varchar(100),
    target_kind varchar(10)  NOT NULL CHECK (target_kind IN ('url', 'category', 'page', 'home')),
    target      varchar(500),
    position    integer      NOT NULL DEFAULT 0
);
CREATE INDEX portal_menu_item_tenant ON portal_menu_item (tenant_id, position, id);

-- status: draft → submitted → published (or returned → submitted again); published → unpublished.
-- A published article is live once publish_at has passed (scheduled publishing).
CREATE TABLE portal_article (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint       NOT NULL REFERENCES tenant(id),
    category_id    bigint       REFERENCES portal_category(id) ON DELETE SET NULL,
    title          varchar(300) NOT NULL CHECK (length(btrim(title)) > 0),
    summary        varchar(1000) NOT NULL DEFAULT '',
    body           text         NOT NULL DEFAULT '',
    cover_file_id  bigint       REFERENCES portal_file(id) ON DELETE SET NULL,
    attachments    bigint[]     NOT NULL DEFAULT '{}',
    tags           text[]       NOT NULL DEFAULT '{}',
    author         varchar(200),
    status         varchar(12)  NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'unpublished')),
    featured       boolean      NOT NULL DEFAULT false,
    share_upward   boolean      NOT NULL DEFAULT false,
    publish_at     timestamptz,
    went_live      boolean      NOT NULL DEFAULT false,
    review_comment text,
    version        integer      NOT NULL DEFAULT 1,
    views          bigint       NOT NULL DEFAULT 0,
    created_by     varchar(64)  NOT NULL,
    updated_by     varchar(64)  NOT NULL,
    submitted_by   varchar(64),
    approved_by    varchar(64),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (status <> 'published' OR publish_at IS NOT NULL)
);
-- the unit's own lists (latest, by category, editor's lists) and the roll-up of a subtree's shared news
CREATE INDEX portal_article_unit_live ON portal_article (tenant_id, publish_at DESC) WHERE status = 'published';
CREATE INDEX portal_article_category ON portal_article (category_id, publish_at DESC) WHERE status = 'published';
CREATE INDEX portal_article_shared ON portal_article (publish_at DESC) WHERE status = 'published' AND share_upward;
CREATE INDEX portal_article_editing ON portal_article (tenant_id, updated_at DESC);
CREATE INDEX portal_article_due ON portal_article (publish_at) WHERE status = 'published' AND NOT went_live;

-- Every saved state of an article, for the history and restore.
CREATE TABLE portal_article_version (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint       NOT NULL REFERENCES tenant(id),
    article_id    bigint       NOT NULL REFERENCES portal_article(id) ON DELETE CASCADE,
    version       integer      NOT NULL,
    title         varchar(300) NOT NULL,
    summary       varchar(1000) NOT NULL,
    body          text         NOT NULL,
    category_id   bigint,
    cover_file_id bigint,
    attachments   bigint[]     NOT NULL,
    tags          text[]       NOT NULL,
    author        varchar(200),
    status        varchar(12)  NOT NULL,
    note          varchar(500),
    saved_by      varchar(64)  NOT NULL,
    saved_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX portal_article_version_article ON portal_article_version (article_id, version DESC);

-- Site visits per unit (article views are on the article). Counted in the data grid, flushed here in batches.
CREATE TABLE portal_site_visit (
    tenant_id  bigint      PRIMARY KEY REFERENCES tenant(id),
    views      bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['portal_file', 'portal_theme', 'portal_category', 'portal_page', 'portal_menu_item',
                             'portal_article', 'portal_article_version', 'portal_site_visit'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_scope ON %I USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) '
                       || 'WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${app_role}', t);
    END LOOP;
END $$;

-- What a visitor may read (SELECT only; no write ever goes through these).
CREATE POLICY public_read ON portal_article FOR SELECT
    USING ((SELECT portal_public_read()) AND status = 'published' AND publish_at <= now());
CREATE POLICY public_read ON portal_page FOR SELECT USING ((SELECT portal_public_read()) AND published);
CREATE POLICY public_read ON portal_file FOR SELECT USING ((SELECT portal_public_read()) AND is_public);
CREATE POLICY public_read ON portal_theme FOR SELECT USING ((SELECT portal_public_read()));
CREATE POLICY public_read ON portal_category FOR SELECT USING ((SELECT portal_public_read()));
CREATE POLICY public_read ON portal_menu_item FOR SELECT USING ((SELECT portal_public_read()));
CREATE POLICY public_read ON portal_site_visit FOR SELECT USING ((SELECT portal_public_read()));

GRANT USAGE, SELECT ON SEQUENCE portal_file_id_seq, portal_category_id_seq, portal_page_id_seq, portal_menu_item_id_seq,
    portal_article_id_seq, portal_article_version_id_seq TO ${app_role};
