package uk.gov.spendingcontrol.common.web;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.spendingcontrol.common.problem.FieldProblem;
import uk.gov.spendingcontrol.common.problem.ProblemException;

/**
 * The suite's one optimistic-concurrency rule (docs/architecture.md, "Optimistic concurrency"), for every update of
 * every service:
 *
 * <ul>
 *   <li>a versioned object is read with an {@code ETag} that is its version, such as {@code "3"};</li>
 *   <li>an update sends it back in {@code If-Match}: without it the answer is 428, with a value that is not one of
 *       our ETags 400, with a version that is no longer current 412 (which carries the current ETag); nothing is
 *       written in any of these cases;</li>
 *   <li>the answer of a successful update (or create) carries the new ETag.</li>
 * </ul>
 *
 * <p>Accepted forms: {@code "3"} and the weak {@code W/"3"} (proxies weaken ETags when they compress). Refused with
 * 400: {@code *}, a list of tags, an unquoted number, anything else. No version in the request body is read.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String ETAG = "ETag";

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,8})\"");

    private Versions() {
    }

    /** The ETag value of a version: {@code "3"}, quotes included. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client read, from its If-Match header: 428 when the header is absent or blank, 400 when it is
     * not one ETag of this API.
     */
    public static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw preconditionRequired("If-Match is required: send the ETag of the version you read, such as \"3\", so"
                    + " that no one's change is silently overwritten", IF_MATCH);
        }
        return parse(ifMatch);
    }

    /** Parses a present If-Match header; 400 naming the header when it is not one ETag of this API. */
    public static int parse(String ifMatch) {
        String value = ifMatch.trim();
        Matcher m = TAG.matcher(value);
        if (!m.matches()) {
            String why = value.equals("*") ? "'*' is not accepted: name the version you read, such as \"3\""
                    : value.contains(",") ? "must be one ETag, the version you read, such as \"3\""
                    : "must be the ETag you read, in double quotes, such as \"3\"";
            throw ProblemException.invalid(IF_MATCH + ": " + why,
                    List.of(new FieldProblem(IF_MATCH, why, "ETag")));
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Checks the version the client read against the current one: 412, carrying the current ETag, when they differ.
     *
     * @param what the object, as the detail names it (such as {@code "Programme DHSC-X"})
     */
    public static void check(String what, int sent, int current) {
        if (sent != current) {
            throw stale(what + " is at version " + current + ", not " + sent
                    + ": someone changed it since you read it. Read it again and reapply your change", sent, current);
        }
    }

    /** {@link #required} then {@link #check}: the one call an update makes. */
    public static void require(String ifMatch, String what, int current) {
        check(what, required(ifMatch), current);
    }

    /**
     * For a PUT that creates the object when it does not exist yet (at a URL the client names): {@code If-None-Match:
     * *} to create (empty), {@code If-Match} to replace (the version read). Neither is 428, both or another
     * If-None-Match is 400.
     */
    public static OptionalInt createOrReplace(String ifMatch, String ifNoneMatch) {
        boolean match = ifMatch != null && !ifMatch.isBlank();
        boolean noneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (match && noneMatch) {
            throw ProblemException.invalid("Send If-Match (to replace) or If-None-Match: * (to create), not both",
                    List.of(new FieldProblem(IF_NONE_MATCH, "must not be sent with If-Match", "OneCondition")));
        }
        if (noneMatch) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw ProblemException.invalid(IF_NONE_MATCH + ": must be * (create only if none exists)",
                        List.of(new FieldProblem(IF_NONE_MATCH, "must be * (create only if none exists)", "ETag")));
            }
            return OptionalInt.empty();
        }
        if (!match) {
            throw preconditionRequired("Send If-Match with the ETag of the version you read and are replacing, or "
                    + "If-None-Match: * to create the first one, so that no one's change is silently overwritten",
                    IF_MATCH);
        }
        return OptionalInt.of(parse(ifMatch));
    }

    /** 412 for a condition that does not hold, carrying the current ETag when there is a current version. */
    public static ProblemException stale(String detail, Integer sent, Integer current) {
        String message = current == null ? "names version " + sent + ", but there is no current version"
                : sent == null ? "If-None-Match: * does not hold: the current version is " + current
                : "names version " + sent + "; the current version is " + current;
        ProblemException e = new ProblemException(412, "precondition-failed", "Precondition failed", detail,
                List.of(new FieldProblem(sent == null ? IF_NONE_MATCH : IF_MATCH, message, "Stale")));
        return current == null ? e : e.withHeader(ETAG, etag(current));
    }

    /** 428 naming If-Match, with a detail of the caller's (such as what exists and at which version). */
    public static ProblemException preconditionRequired(String detail) {
        return preconditionRequired(detail, IF_MATCH);
    }

    /** The version named by If-Match when one is sent (400 when malformed), else {@code null}. */
    public static Integer optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
    }

    private static ProblemException preconditionRequired(String detail, String header) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail,
                List.of(new FieldProblem(header, "is required: send the ETag you read", "Required")));
    }
}
