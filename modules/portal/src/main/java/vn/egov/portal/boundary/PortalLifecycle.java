package vn.egov.portal.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import vn.egov.portal.control.ScheduledPublisher;

/** Starts and stops the portal's timer with the web module that serves the sites (declared in its web.xml). */
public class PortalLifecycle implements ServletContextListener {
    @Inject
    ScheduledPublisher publisher;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        publisher.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        publisher.stop();
    }
}
