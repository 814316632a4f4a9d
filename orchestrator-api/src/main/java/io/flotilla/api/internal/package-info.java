/**
 * Helpers shared by the API module's packages. Not a public API: may change without notice.
 */
package io.flotilla.api.internal;
