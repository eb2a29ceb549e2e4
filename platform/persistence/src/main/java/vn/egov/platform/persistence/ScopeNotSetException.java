package vn.egov.platform.persistence;

/** The tenant scope could not be given to the database; the work must not go on unscoped. */
public class ScopeNotSetException extends RuntimeException {
    public ScopeNotSetException(String message) { super(message); }
    public ScopeNotSetException(String message, Throwable cause) { super(message, cause); }
}
