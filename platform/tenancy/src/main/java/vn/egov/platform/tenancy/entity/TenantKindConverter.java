package vn.egov.platform.tenancy.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class TenantKindConverter implements AttributeConverter<TenantKind, String> {
    @Override public String convertToDatabaseColumn(TenantKind kind) { return kind == null ? null : kind.dbValue(); }
    @Override public TenantKind convertToEntityAttribute(String value) { return value == null ? null : TenantKind.fromDb(value); }
}
