/**
 * Search across the province: the one way for a module to make something searchable.
 * <ul>
 * <li>{@link vn.egov.platform.search.SearchDocument} is what a module hands over: an item with its unit, its type
 *     and who may see it ({@link vn.egov.platform.search.Visibility});</li>
 * <li>{@link vn.egov.platform.search.control.SearchIndex} writes it to the outbox in the caller's transaction;
 *     {@link vn.egov.platform.search.control.SearchOutbox} sends the outbox to Solr (through the platform's one outbox worker, one node at a time);</li>
 * <li>{@link vn.egov.platform.search.SearchSource} lets the platform read a module's items again, for a full
 *     reindex and the consistency check;</li>
 * <li>{@link vn.egov.platform.search.control.SearchFilters} builds, from the logged-in subject only, the filters
 *     every query carries; {@code boundary} is the JAX-RS face ({@code /api/search}, the admin operations).</li>
 * </ul>
 * May use: tenancy, persistence, security, web (problems, access), SolrJ, Hazelcast (the worker's lock), JDBC.
 */
package vn.egov.platform.search;
