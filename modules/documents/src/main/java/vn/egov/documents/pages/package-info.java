/**
 * The documents' pages for a unit's staff ({@code /t/{code}/admin/documents}), one class a screen: the overview with
 * the registers, the search, a draft, a paper document, one document and its actions. Made from the templates of
 * {@code src/main/jte} with the texts of {@code messages_vi/en} (strict content security policy: the CSS is the asset
 * {@code documents/documents.css}), in the desk's frame. They call the control classes through typed views; never the
 * JSON API ({@code boundary}) nor the database.
 */
package vn.egov.documents.pages;
