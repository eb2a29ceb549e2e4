/**
 * Files people upload, for every module: what a file is, decided from its content, and the limits it must keep
 * ({@link vn.egov.platform.web.files.FileCheck}). May use: the JDK only.
 */
package vn.egov.platform.web.files;
