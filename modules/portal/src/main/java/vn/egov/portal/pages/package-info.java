/**
 * The pages of a unit's site: its public pages ({@code Site}, {@code SitePages}) and the editors' pages,
 * {@code /t/{code}/admin/portal/...} ({@code PortalDashboard}, {@code ArticlePages}, {@code ThemePage}, {@code MenuPage},
 * {@code CategoriesPage}, {@code StaticPages}, {@code FilesPage}): server-rendered forms (no JavaScript needed but for
 * the rich text editor) made from the templates under {@code src/main/jte/editor} inside the desk's frame, their texts in
 * {@code messages_vi/en.properties}; each change goes through {@code control.Editorial} (articles),
 * {@code SiteStructure} (categories, pages, menu), {@code SiteFiles} or {@code Themes} in a transaction of its own, and a
 * refused form is shown again with the messages beside its fields in the user's language.
 */
package vn.egov.portal.pages;
