/**
 * Machinery shared by the API server's own controllers (garbage collector, namespace controller); not for users.
 */
package io.flotilla.core.apiserver.internal;
