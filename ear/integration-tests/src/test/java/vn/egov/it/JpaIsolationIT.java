package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.RollbackException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.egov.notices.entity.Notice;
import vn.egov.provisioning.PgServer;
import vn.egov.provisioning.Settings;

/**
 * Isolation through JPA (EclipseLink, as in Payara), connected as the application role: write as unit A,
 * then find, query, update and delete as unit B. Also shows the shared-cache trap that the production
 * persistence units avoid with {@code shared-cache-mode NONE}.
 */
class JpaIsolationIT {

    private static EntityManagerFactory emf(String sharedCacheMode) throws Exception {
        PgServer pg = Fixtures.db().server();
        Settings s = ItEnvironment.platform().settings();
        return Persistence.createEntityManagerFactory("notices-jpa-it", Map.of(
                "jakarta.persistence.jdbc.url", pg.url(s.database()),
                "jakarta.persistence.jdbc.user", s.appRole(),
                "jakarta.persistence.jdbc.password", Fixtures.db().appPassword(),
                "jakarta.persistence.sharedCache.mode", sharedCacheMode));
    }

    private static void scope(EntityManager em, long tenantId) {
        Object applied = em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)")
                .setParameter(1, Long.toString(tenantId)).getSingleResult();
        assertEquals(Long.toString(tenantId), applied.toString());
    }

    private static long writeAsA(EntityManagerFactory emf, long a, String title) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            scope(em, a);
            Notice n = new Notice(a, title, "nội dung", "jpa-test");
            em.persist(n);
            em.getTransaction().commit();
            return n.getId();
        } finally {
            em.close();
        }
    }

    @Test
    void unitBFindsQueriesUpdatesAndDeletesNothingOfUnitA() throws Exception {
        long a = Fixtures.tenantId(Fixtures.COMMUNE);
        long b = Fixtures.tenantId(Fixtures.COUSIN_COMMUNE);
        String title = "JPA " + UUID.randomUUID();
        EntityManagerFactory emf = emf(productionSharedCacheMode());
        try {
            long id = writeAsA(emf, a, title);
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                scope(em, b);
                assertNull(em.find(Notice.class, id), "find() as B");
                assertEquals(0L, em.createQuery("SELECT COUNT(n) FROM Notice n WHERE n.id = :id", Long.class)
                        .setParameter("id", id).getSingleResult());
                assertEquals(0, em.createQuery("UPDATE Notice n SET n.title = 'đã sửa' WHERE n.id = :id")
                        .setParameter("id", id).executeUpdate());
                assertEquals(0, em.createQuery("DELETE FROM Notice n WHERE n.id = :id").setParameter("id", id).executeUpdate());
                assertEquals(0, em.createNativeQuery("UPDATE notice SET title = 'x' WHERE id = ?1").setParameter(1, id)
                        .executeUpdate());
                em.getTransaction().commit();
            } finally {
                em.close();
            }
            assertEquals(1, Fixtures.countNotices("id = ? AND title = ?", id, title), "A's row is intact");

            EntityManager asA = emf.createEntityManager();
            try {
                asA.getTransaction().begin();
                scope(asA, a);
                assertNotNull(asA.find(Notice.class, id), "positive control: A finds its own row");
                asA.getTransaction().commit();
            } finally {
                asA.close();
            }
        } finally {
            emf.close();
        }
    }

    @Test
    void unitBCannotInsertARowForUnitA() throws Exception {
        long a = Fixtures.tenantId(Fixtures.COMMUNE);
        long b = Fixtures.tenantId(Fixtures.SIBLING_COMMUNE);
        EntityManagerFactory emf = emf(productionSharedCacheMode());
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            scope(em, b);
            em.persist(new Notice(a, "Giả mạo", "x", "jpa-test"));
            assertThrows(RollbackException.class, () -> em.getTransaction().commit());
        } finally {
            em.close();
            emf.close();
        }
        assertEquals(0, Fixtures.countNotices("title = 'Giả mạo'"));
    }

    /** Why the shared cache is off: with it on, B's find() is answered from memory without any SQL. */
    @Test
    void withTheSharedCacheOnFindWouldLeakAcrossUnits() throws Exception {
        long a = Fixtures.tenantId(Fixtures.COMMUNE);
        long b = Fixtures.tenantId(Fixtures.COUSIN_COMMUNE);
        EntityManagerFactory cached = emf("ALL");
        try {
            long id = writeAsA(cached, a, "Bộ nhớ đệm " + UUID.randomUUID());
            EntityManager em = cached.createEntityManager();
            try {
                em.getTransaction().begin();
                scope(em, b);
                assertNotNull(em.find(Notice.class, id), "the trap is real: the shared cache answers for another unit");
                em.getTransaction().commit();
            } finally {
                em.close();
            }
        } finally {
            cached.close();
        }
    }

    /** The shared-cache mode of the persistence units that are deployed. */
    private static String productionSharedCacheMode() throws Exception {
        String mode = null;
        for (URL url : Collections.list(JpaIsolationIT.class.getClassLoader().getResources("META-INF/persistence.xml"))) {
            try (InputStream in = url.openStream()) {
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (xml.contains("name=\"notices\"")) {
                    int start = xml.indexOf("<shared-cache-mode>") + "<shared-cache-mode>".length();
                    mode = xml.substring(start, xml.indexOf("</shared-cache-mode>"));
                }
            }
        }
        assertNotNull(mode, "the notices persistence unit declares its shared-cache mode");
        assertTrue(mode.equals("NONE"), "tenant data must not be in the shared cache, found " + mode);
        return mode;
    }
}
