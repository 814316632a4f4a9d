/**
 * The CronJob controller, after Kubernetes' {@code cronjob_controllerv2}: on the injected clock it creates a Job at
 * each schedule time of {@code spec.schedule} (in {@code spec.timeZone}; UTC when unset, where Kubernetes uses the
 * controller manager's local zone), named {@code <cronjob>-<scheduled time in minutes since the epoch>} so that
 * creation is idempotent, honouring {@code concurrencyPolicy}, {@code startingDeadlineSeconds}, {@code suspend} and
 * the job history limits, and keeps {@code status.active}, {@code lastScheduleTime} and
 * {@code lastSuccessfulTime}.
 */
package io.flotilla.core.controllers.cronjob;
