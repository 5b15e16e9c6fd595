package uk.gov.spendingcontrol.common.web;

import uk.gov.spendingcontrol.common.problem.ProblemException;

/** Reads the version a client sends in If-Match ({@code "3"}, {@code W/"3"} or {@code 3}). */
public final class Versions {

    private Versions() {
    }

    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must carry the version (ETag) you read, such as \"3\"");
        }
    }
}
