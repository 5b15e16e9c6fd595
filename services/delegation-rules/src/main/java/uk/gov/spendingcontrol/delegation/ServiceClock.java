package uk.gov.spendingcontrol.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;

/** The service's clock: dates (effective dates, "today", as-at) are those of London, where the rules apply. */
@ApplicationScoped
public class ServiceClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final Clock clock = Clock.system(ZONE);

    public Clock clock() {
        return clock;
    }
}
