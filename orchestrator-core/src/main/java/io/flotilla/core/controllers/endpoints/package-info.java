/**
 * The endpoints controller: for every Service with a selector it keeps the Endpoints object of the same name (owned
 * by the Service) listing the selected pods' IPs and resolved target ports, ready and not-ready addresses apart. It
 * is watch-driven: a pod's readiness change enqueues the Services selecting it, so endpoints follow within one
 * reconcile; nothing polls.
 */
package io.flotilla.core.controllers.endpoints;
