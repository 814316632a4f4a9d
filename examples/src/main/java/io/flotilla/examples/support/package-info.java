/**
 * What every example needs and the library does not give: waiting on real time for a condition with a bound, and
 * one plain HTTP GET against a URL on 127.0.0.1. Small, stateless helpers; the examples' subject matter lives in
 * their own packages.
 */
package io.flotilla.examples.support;
