package uk.gov.spendingcontrol.odp.metricdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 problem of a rejected submission: every fatal finding (up to 1,000) and the count per rule. */
@Schema(name = "DataRejection", description = "RFC 9457 problem of a data submission rejected by validation; served"
        + " as application/problem+json")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DataRejection(
        @Schema(example = "urn:spending-control:problem:data-rejected") String type,
        @Schema(example = "Data points rejected by validation") String title,
        @Schema(example = "422") int status,
        @Schema(example = "2 fatal findings: nothing was written. By rule: {D001=1, D003=1}.") String detail,
        String instance,
        String traceId,
        List<DataFinding> errors,
        @Schema(description = "How many fatal findings each rule made") Map<String, Integer> counts) {
}
