package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.Status;

/**
 * The outcome of the scheduling algorithm for one pod: the selected node, or a fit error (a {@link Diagnosis}), or
 * an internal error.
 *
 * @param nodeName  the selected node; null unless successful
 * @param evaluated how many nodes were filtered
 * @param feasible  how many nodes passed Filter
 * @param status    success, a rejection (with {@code diagnosis}) or an error
 * @param diagnosis why nodes were rejected; null when a node was selected
 */
record ScheduleResult(String nodeName, int evaluated, int feasible, Status status, Diagnosis diagnosis) {

    static ScheduleResult selected(String nodeName, int evaluated, int feasible) {
        return new ScheduleResult(nodeName, evaluated, feasible, Status.success(), null);
    }

    static ScheduleResult fitError(Diagnosis diagnosis, int evaluated) {
        return new ScheduleResult(null, evaluated, 0, Status.unschedulable("no fit"), diagnosis);
    }

    static ScheduleResult error(Status status) {
        return new ScheduleResult(null, 0, 0, status, null);
    }

    boolean isSelected() {
        return nodeName != null;
    }

    boolean isFitError() {
        return diagnosis != null;
    }
}
