/**
 * The {@code PodTopologySpread} plugin: {@code topologySpreadConstraints} as in Kubernetes — {@code DoNotSchedule}
 * constraints filter nodes whose domain would exceed {@code maxSkew} (honouring {@code minDomains}),
 * {@code ScheduleAnyway} constraints (and, for pods without constraints, the system default spreading over
 * hostnames and zones of the pods of the same Service, ReplicaSet or StatefulSet) score nodes in emptier domains
 * higher. Matching pods are counted per domain once per pod, in PreFilter and PreScore.
 */
package io.flotilla.core.scheduler.plugins.podtopologyspread;
