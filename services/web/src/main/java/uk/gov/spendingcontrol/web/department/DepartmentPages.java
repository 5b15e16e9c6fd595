package uk.gov.spendingcontrol.web.department;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.context.ManagedExecutor;
import uk.gov.spendingcontrol.common.security.Roles;
import uk.gov.spendingcontrol.web.api.Api;
import uk.gov.spendingcontrol.web.api.ApiProblem;
import uk.gov.spendingcontrol.web.errors.PageException;
import uk.gov.spendingcontrol.web.pages.Format;
import uk.gov.spendingcontrol.web.security.CurrentUser;

/**
 * A department's home: its money position (chart and table, overspend risks first), its monthly returns and the
 * approvals it waits for. The figures are live: the page follows budget's change feed through {@code /department/live}
 * and is sent new figures as soon as a change concerns the department.
 */
@Path("/department")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.DEPARTMENT_READER, Roles.DEPARTMENT_EDITOR })
public class DepartmentPages {

    /** How often a live page asks budget whether anything changed. */
    static final Duration POLL = Duration.ofMillis(250);
    /** How often an idle live page is sent a comment (below the gateway's 30 s response timeout). */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final Api api;
    private final ManagedExecutor executor;
    private final CurrentUser user;
    private final Template home;
    private final Template figures;

    DepartmentPages(Api api, CurrentUser user, ManagedExecutor executor, @Location("department/home.html") Template home,
            @Location("department/figures.html") Template figures) {
        this.api = api;
        this.executor = executor;
        this.user = user;
        this.home = home;
        this.figures = figures;
    }

    @GET
    public TemplateInstance home(@QueryParam("financialYear") String financialYear) {
        String department = department();
        String year = year(financialYear);
        String token = api.currentToken();
        // the three services are asked at once: the page takes as long as the slowest, not the sum
        CompletableFuture<JsonNode> variance = CompletableFuture.supplyAsync(() -> api.getWithToken(token, "budget",
                "/api/v1/variance", Map.of("financialYear", year)).body(), executor);
        CompletableFuture<List<Map<String, String>>> returns = CompletableFuture.supplyAsync(() -> returns(token, year), executor);
        CompletableFuture<List<Map<String, String>>> approvals = CompletableFuture.supplyAsync(() -> approvals(token), executor);
        return home.data("figures", DepartmentFigures.from(department, year, join(variance)))
                .data("returns", join(returns))
                .data("approvals", join(approvals))
                .data("financialYear", year);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;   // an ApiProblem becomes its error page
            }
            throw e;
        }
    }

    /**
     * The figures as server-sent events ({@code fragment}: the HTML of the figures): the first right away, then one each
     * time budget's change feed moves for this department (polled every {@link #POLL}); a comment every
     * {@link #HEARTBEAT} keeps the stream open through the gateway. The stream ends when the user's token does; the
     * browser's EventSource reconnects with its session (and so a fresh token).
     */
    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@QueryParam("financialYear") String financialYear, @Context Sse sse) {
        String department = department();
        String year = year(financialYear);
        String token = api.currentToken();
        AtomicLong seen = new AtomicLong(-1);
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        return Multi.createFrom().ticks().every(POLL)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> {
                    long head = api.getWithToken(token, "budget", "/api/v1/change-feeds/budget",
                            Map.of("after", 0, "limit", 1)).body().path("headPosition").asLong();
                    if (head == seen.getAndSet(head)) {
                        if (System.nanoTime() - lastSent.get() < HEARTBEAT.toNanos()) {
                            return Optional.<OutboundSseEvent>empty();
                        }
                        lastSent.set(System.nanoTime());
                        return Optional.of(sse.newEventBuilder().comment("still here").build());
                    }
                    JsonNode variance = api.getWithToken(token, "budget", "/api/v1/variance",
                            Map.of("financialYear", year)).body();
                    String html = figures.data("figures", DepartmentFigures.from(department, year, variance)).render()
                            .replaceAll("\\s*\\n\\s*", " ");
                    lastSent.set(System.nanoTime());
                    return Optional.of(sse.newEventBuilder().name("fragment").id(Long.toString(head)).data(html).build());
                })
                .filter(Optional::isPresent)
                .map(Optional::get)
                .onFailure(ApiProblem.class).recoverWithCompletion();
    }

    private String department() {
        String department = user.getDepartment();
        if (department == null) {
            throw new PageException(403, null, null);
        }
        return department;
    }

    static String year(String financialYear) {
        return Years.orCurrent(financialYear);
    }

    private List<Map<String, String>> returns(String token, String year) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode r : api.getWithToken(token, "budget", "/api/v1/returns", Map.of("financialYear", year, "limit", 5))
                .body().path("items")) {
            rows.add(Map.of("id", r.path("id").asText(), "period", r.path("period").asText(),
                    "version", r.path("version").asText(), "status", Format.words(r.path("status").asText()),
                    "submittedAt", Format.dateTime(r.path("submittedAt").asText(null))));
        }
        return rows;
    }

    private List<Map<String, String>> approvals(String token) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode a : api.getWithToken(token, "delegation-rules", "/api/v1/delegation-rules/approvals",
                Map.of("status", "PENDING", "limit", 20)).body().path("items")) {
            rows.add(Map.of("approver", Format.words(a.path("approver").asText()),
                    "age", a.path("ageDays").asLong() == 1 ? "1 day" : a.path("ageDays").asLong() + " days",
                    "rules", String.join(", ", textList(a.path("rules"))),
                    "openedAt", Format.dateTime(a.path("openedAt").asText(null))));
        }
        return rows;
    }

    static List<String> textList(JsonNode array) {
        return Format.texts(array);
    }
}
