package io.flotilla.core.scheduler;

import io.flotilla.api.scheduler.ObjectLookup;
import io.flotilla.core.apiserver.ApiServer;
import io.flotilla.core.client.events.EventRecorder;
import io.flotilla.core.time.Clock;
import java.util.concurrent.Executor;

/**
 * What every profile's handle shares: the clock, the API (null in tests without one), the event recorder (null for
 * none), cached objects, the nominator, the waiting pods, the one snapshot, and the executor for blocking work.
 */
record SchedulerServices(Clock clock, ApiServer api, EventRecorder recorder, ObjectLookup objects,
                         Nominator nominator, WaitingPods waitingPods, Snapshot snapshot, Executor executor) {
}
