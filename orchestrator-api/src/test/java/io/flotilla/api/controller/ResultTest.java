package io.flotilla.api.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResultTest {

    private static String describe(Result result) {
        return switch (result) {
            case Result.Done done -> "done";
            case Result.RequeueAfter(Duration delay) -> "after " + delay;
            case Result.Requeue requeue -> "backoff";
        };
    }

    @Test
    void coversTheThreeOutcomes() {
        assertThat(describe(Result.done())).isEqualTo("done");
        assertThat(describe(Result.requeueAfter(Duration.ofSeconds(30)))).isEqualTo("after PT30S");
        assertThat(describe(Result.requeue())).isEqualTo("backoff");
        assertThat(Result.done()).isEqualTo(Result.done());
        assertThat(Result.requeueAfter(Duration.ZERO)).isEqualTo(new Result.RequeueAfter(Duration.ZERO));
    }

    @Test
    void rejectsNegativeDelays() {
        assertThatThrownBy(() -> Result.requeueAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Result.requeueAfter(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void terminalFailuresAreFoundInTheCauseChain() {
        TerminalReconcileException terminal = new TerminalReconcileException("spec.replicas is negative");
        assertThat(TerminalReconcileException.isTerminal(terminal)).isTrue();
        assertThat(TerminalReconcileException.isTerminal(new RuntimeException("outer", terminal))).isTrue();
        assertThat(TerminalReconcileException.isTerminal(new RuntimeException("plain"))).isFalse();
        assertThat(TerminalReconcileException.isTerminal(null)).isFalse();

        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(TerminalReconcileException.isTerminal(a)).as("cyclic chain terminates").isFalse();
    }
}
