/** How notices follow a reorganisation (a platform {@code RecordRule}). May use: the platform's tenancy API only. */
package vn.egov.notices.control;
