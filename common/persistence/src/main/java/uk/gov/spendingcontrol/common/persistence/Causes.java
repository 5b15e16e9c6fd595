package uk.gov.spendingcontrol.common.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The SQL failures inside a failure, however it reached us: as a cause (Hibernate, the transaction interceptor), as a
 * suppressed exception (the transaction manager reports a failed commit that way), or chained to another SQL failure
 * (a batch).
 */
final class Causes {

    private static final int LIMIT = 64;

    private Causes() {
    }

    /** Every SQLException among {@code e}, its causes, suppressed exceptions and next exceptions, nearest first. */
    static List<SQLException> sqlFailures(Throwable e) {
        List<SQLException> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (e != null) {
            todo.add(e);
        }
        while (!todo.isEmpty() && seen.size() < LIMIT) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                found.add(sql);
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return found;
    }
}
