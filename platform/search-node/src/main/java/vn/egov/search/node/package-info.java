/**
 * The platform's own Solr node (issue 4): a standalone Solr 9 over HTTP started by the run command when no Solr is
 * configured, and the configset (Vietnamese analysis) that every Solr of the platform gets. Not in the EAR; uses
 * Solr and Lucene only.
 */
package vn.egov.search.node;
