/**
 * The three-tier start-up benchmark: the {@code ThreeTierShop} example (web ×3, api ×2, a StatefulSet db with a
 * volume, a migration Job that must complete before api) from "start" to "all Ready", with Flotilla (a cluster on
 * Docker and the example's {@code StartupPlan}), with Testcontainers (a Network, network aliases, wait strategies,
 * a one-shot migration container) and with docker-compose 1.29 ({@code up -d}, then polling health), measured in
 * the same run. See {@link io.flotilla.benchmarks.threetier.ThreeTierStartBenchmark}.
 */
package io.flotilla.benchmarks.threetier;
