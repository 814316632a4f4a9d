package io.flotilla.api.controller;

/**
 * Thrown by a {@link Reconciler} when retrying cannot help (the object is invalid, a referenced kind does not
 * exist...): the controller logs and records the failure and does not retry the key until a new event for it
 * arrives. It is recognised anywhere in the cause chain, so it may wrap, or be wrapped by, other exceptions.
 *
 * <p>Unchecked so that helpers deep inside a reconciler can throw it. The message is logged: keep secrets out.
 */
public final class TerminalReconcileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Bounds the walk so that a cyclic cause chain cannot loop forever. */
    private static final int MAX_CAUSE_DEPTH = 64;

    /**
     * A terminal failure described by {@code message}.
     *
     * @param message what is wrong, in the user's terms
     */
    public TerminalReconcileException(String message) {
        super(message);
    }

    /**
     * A terminal failure described by {@code message}, caused by {@code cause}.
     *
     * @param message what is wrong, in the user's terms
     * @param cause   the underlying failure; may be {@code null}
     */
    public TerminalReconcileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether {@code failure} or any of its causes is a {@link TerminalReconcileException}.
     *
     * @param failure the failure to inspect; {@code null} gives {@code false}
     */
    public static boolean isTerminal(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof TerminalReconcileException) {
                return true;
            }
        }
        return false;
    }
}
