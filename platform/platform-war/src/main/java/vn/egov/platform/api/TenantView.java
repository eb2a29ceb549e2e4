package vn.egov.platform.api;

import java.util.List;
import vn.egov.platform.tenancy.entity.Tenant;

/** A unit as the API shows it. */
public record TenantView(String code, String gsoCode, String name, String kind, String kindName, String parent,
                         int level, String status, String customDomain, List<TenantView> children) {

    static TenantView of(Tenant t, String parentCode, List<TenantView> children) {
        return new TenantView(t.getCode(), t.getGsoCode(), t.getName(), t.getKind().dbValue(), t.getKind().vietnamese(),
                parentCode, t.getLevel(), t.getStatus(), t.getCustomDomain(), children);
    }
}
