package vn.egov.platform.web;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.Resource;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Ending a web session everywhere. Payara keeps a session in the data grid and a copy in the memory of each node
 * that served it; invalidating it on one node (logout, a password change) removes it from the grid but not from
 * another node's memory, where it stayed valid (measured: {@code TwoNodesIT}). So every ended session's id goes
 * into a grid map for as long as a session can live, and each node drops its own copy of a session in that map
 * before anything else sees the request.
 */
public final class EndedSessions {
    static final String MAP = "egov-ended-sessions";
    /** At least the session timeout of web.xml (30 minutes), so a stale copy cannot outlive its entry. */
    static final long KEEP_MINUTES = 31;

    private EndedSessions() {
    }

    /** Records every session that ends on this node (registered in web.xml). */
    public static final class Listener implements HttpSessionListener {
        @Resource(lookup = "payara/Hazelcast")
        HazelcastInstance grid;

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            if (grid != null && grid.getLifecycleService().isRunning()) {
                IMap<String, Boolean> ended = grid.getMap(MAP);
                ended.set(event.getSession().getId(), Boolean.TRUE, KEEP_MINUTES, TimeUnit.MINUTES);
            }
        }
    }

    /** Drops this node's copy of a session that ended on another node (mapped before Shiro in web.xml). */
    public static final class Check implements Filter {
        @Resource(lookup = "payara/Hazelcast")
        HazelcastInstance grid;

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpSession session = ((HttpServletRequest) req).getSession(false);
            if (session != null && grid != null && grid.getLifecycleService().isRunning()
                    && grid.<String, Boolean>getMap(MAP).containsKey(session.getId())) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile on this node too
                }
            }
            chain.doFilter(req, res);
        }
    }
}
