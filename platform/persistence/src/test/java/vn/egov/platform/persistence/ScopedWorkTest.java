package vn.egov.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import vn.egov.platform.tenancy.TenantScope;

class ScopedWorkTest {

    @Test
    void theScopeIsCarriedToAnotherThreadAndNotLeftBehind() throws Exception {
        TenantScope commune = new TenantScope(45, "1.20.45", false);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Optional<TenantScope> seen = pool.submit(ScopedWork.wrap(commune, ScopedWork::carried)).get();
            assertEquals(Optional.of(commune), seen);
            Optional<TenantScope> after = pool.submit(ScopedWork::carried).get();
            assertTrue(after.isEmpty(), "the pooled thread must not keep the previous task's tenant");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nestedScopesRestoreTheOuterOne() throws Exception {
        TenantScope outer = new TenantScope(20, "1.20", true);
        TenantScope inner = new TenantScope(45, "1.20.45", false);
        ScopedWork.call(outer, () -> {
            assertEquals(Optional.of(inner), ScopedWork.call(inner, ScopedWork::carried));
            assertEquals(Optional.of(outer), ScopedWork.carried());
            return null;
        });
        assertTrue(ScopedWork.carried().isEmpty());
    }

    @Test
    void aScopeIsRequired() {
        assertThrows(NullPointerException.class, () -> ScopedWork.wrap(null, () -> 1));
    }
}
