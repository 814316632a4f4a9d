/**
 * The three-tier shop example: {@link io.flotilla.examples.shop.ThreeTierShop} defines it once (web, api, a
 * StatefulSet db, configuration, a migration Job and the start-up graph between them) for the demo, the tests and
 * the start-up benchmark; {@link io.flotilla.examples.shop.ShopCluster} starts a cluster it runs on, on Docker or
 * on simulated nodes.
 */
package io.flotilla.examples.shop;
