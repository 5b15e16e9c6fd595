package uk.gov.spendingcontrol.reporting.readmodel;

import java.util.LinkedHashSet;
import java.util.Set;

/** What a batch of applied events touched: the live streams use it to tell which views changed. */
public final class Touched {

    public final Set<String> eventTypes = new LinkedHashSet<>();
    public final Set<String> departments = new LinkedHashSet<>();
    public final Set<String> programmes = new LinkedHashSet<>();
    public final Set<String> outcomes = new LinkedHashSet<>();
    /** A change that concerns every department (a closed period, an event that names no department). */
    public boolean everyDepartment;

    public boolean isEmpty() {
        return eventTypes.isEmpty();
    }

    void department(String code) {
        if (code != null) {
            departments.add(code);
        }
    }

    void programme(String code) {
        if (code != null) {
            programmes.add(code);
        }
    }

    void outcome(String id) {
        if (id != null) {
            outcomes.add(id);
        }
    }
}
