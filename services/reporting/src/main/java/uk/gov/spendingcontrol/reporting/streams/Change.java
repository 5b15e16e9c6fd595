package uk.gov.spendingcontrol.reporting.streams;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** One committed change of the read models (a row of view_change): what it touched, for the streams' filters. */
public record Change(long seq, String source, long position, List<String> eventTypes, Set<String> departments,
        Set<String> programmes, Set<String> outcomes, boolean everyDepartment, OffsetDateTime at) {
}
