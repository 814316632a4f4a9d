package io.flotilla.api.core;

/**
 * One environment variable of a container: a literal {@code value} or a {@code valueFrom} source, never both.
 * Immutable.
 *
 * @param name      the variable's name
 * @param value     the literal value, may reference other variables as {@code $(NAME)}
 * @param valueFrom where the value comes from instead of {@code value}
 */
public record EnvVar(String name, String value, EnvVarSource valueFrom) {

    /** A variable with a literal value. */
    public static EnvVar of(String name, String value) {
        return new EnvVar(name, value, null);
    }

    /** A variable whose value comes from {@code source}. */
    public static EnvVar from(String name, EnvVarSource source) {
        return new EnvVar(name, null, source);
    }
}
