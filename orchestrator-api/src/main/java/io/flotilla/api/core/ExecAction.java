package io.flotilla.api.core;

import io.flotilla.api.internal.Immutables;
import java.util.List;

/**
 * Runs a command in the container; exit status 0 is success. The command is not run in a shell. Immutable.
 *
 * @param command the command line
 */
public record ExecAction(List<String> command) {

    /** Normalises the command. */
    public ExecAction {
        command = Immutables.list(command);
    }

    /** The command {@code command}. */
    public static ExecAction of(String... command) {
        return new ExecAction(List.of(command));
    }
}
