package uk.gov.spendingcontrol.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;

/** The time a page was read, for "updated N seconds ago": {@code {inject:clock.now}}. */
@ApplicationScoped
@Named("clock")
public class Clock {

    public String getNow() {
        return Instant.now().toString();
    }
}
