package io.flotilla.core.sim;

import io.flotilla.api.runtime.ContainerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The rules a {@link SimulatedRuntime} follows: which {@link SimBehavior} a container gets, and how image pulls go.
 * One scenario may be shared by many simulated nodes.
 *
 * <pre>{@code
 * Scenario scenario = Scenario.create()
 *         .forImage("nginx:1.27", SimBehavior.runsForever().serves(80, "/", 200, "hello"))
 *         .forContainer("worker", attempt -> attempt < 3
 *                 ? SimBehavior.exitsAfter(Duration.ofSeconds(2), 1)     // crashes three times...
 *                 : SimBehavior.runsForever())                          // ...then stays up
 *         .missingImage("example.com/typo:1")
 *         .hostPortInUse(8080)                                           // sandboxes publishing it fail
 *         .pullLatency(Duration.ofSeconds(3));
 * }</pre>
 *
 * <p><b>Behaviour.</b> A container's behaviour is chosen each time it starts: by container name first, then by image,
 * then the default ({@link SimBehavior#DEFAULT} unless changed). Rules may change while the runtime runs; running
 * containers keep the behaviour they started with.
 *
 * <p><b>Images.</b> Every image can be pulled unless declared missing or failing; pulls take the configured latency.
 * Preloaded images are present on each runtime from the start. References without a tag or digest mean
 * {@code :latest}.
 *
 * <p>Thread-safe; the methods return this scenario for chaining.
 */
public final class Scenario {
    private final Map<String, IntFunction<SimBehavior>> byContainer = new ConcurrentHashMap<>();
    private final Map<String, SimBehavior> byImage = new ConcurrentHashMap<>();
    private final Map<String, ImageRule> images = new ConcurrentHashMap<>();
    private final Set<String> preloaded = ConcurrentHashMap.newKeySet();
    private final Set<Integer> hostPortsInUse = ConcurrentHashMap.newKeySet();
    private volatile SimBehavior defaultBehavior = SimBehavior.DEFAULT;
    private volatile Duration defaultPullLatency = Duration.ZERO;

    private Scenario() {
    }

    /** An empty scenario: every container runs forever, every image pulls at once. */
    public static Scenario create() {
        return new Scenario();
    }

    /** Containers named {@code name} (in any pod) behave as {@code behavior}. */
    public Scenario forContainer(String name, SimBehavior behavior) {
        Objects.requireNonNull(behavior, "behavior");
        return forContainer(name, attempt -> behavior);
    }

    /** Containers named {@code name} behave as {@code byAttempt} says for their attempt (restart count). */
    public Scenario forContainer(String name, IntFunction<SimBehavior> byAttempt) {
        byContainer.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(byAttempt, "byAttempt"));
        return this;
    }

    /** Containers of {@code image} without a container rule behave as {@code behavior}. */
    public Scenario forImage(String image, SimBehavior behavior) {
        byImage.put(normalize(image), Objects.requireNonNull(behavior, "behavior"));
        return this;
    }

    /** Containers without any rule behave as {@code behavior}. */
    public Scenario defaultBehavior(SimBehavior behavior) {
        defaultBehavior = Objects.requireNonNull(behavior, "behavior");
        return this;
    }

    /** {@code images} are present on every runtime from its start (runtimes built afterwards). */
    public Scenario preload(String... images) {
        for (String image : images) {
            preloaded.add(normalize(image));
        }
        return this;
    }

    /** Pulling {@code image} fails with "not found" ({@code ErrImagePull}, image not found). */
    public Scenario missingImage(String image) {
        images.merge(normalize(image), new ImageRule(true, null, null), (old, now) -> old.with(now));
        return this;
    }

    /** Pulling {@code image} fails with {@code message} (a network or authentication failure). */
    public Scenario pullFailure(String image, String message) {
        images.merge(normalize(image), new ImageRule(false, Objects.requireNonNull(message, "message"), null),
                (old, now) -> old.with(now));
        return this;
    }

    /** Pulling any image without its own latency takes {@code latency}. */
    public Scenario pullLatency(Duration latency) {
        defaultPullLatency = Objects.requireNonNull(latency, "latency");
        return this;
    }

    /** Pulling {@code image} takes {@code latency}. */
    public Scenario pullLatency(String image, Duration latency) {
        images.merge(normalize(image), new ImageRule(false, null, Objects.requireNonNull(latency, "latency")),
                (old, now) -> old.with(now));
        return this;
    }

    /**
     * {@code hostPorts} are taken on every node by something outside the cluster: creating a sandbox that publishes
     * one of them fails as Docker reports it ({@code Bind for 0.0.0.0:8080 failed: port is already allocated}).
     */
    public Scenario hostPortInUse(int... hostPorts) {
        for (int port : hostPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("hostPort must be 1..65535: " + port);
            }
            hostPortsInUse.add(port);
        }
        return this;
    }

    boolean hostPortTaken(int hostPort) {
        return hostPortsInUse.contains(hostPort);
    }

    SimBehavior behaviorFor(ContainerConfig config) {
        IntFunction<SimBehavior> byAttempt = byContainer.get(config.metadata().name());
        if (byAttempt != null) {
            return Objects.requireNonNull(byAttempt.apply(config.metadata().attempt()), "behavior for attempt");
        }
        SimBehavior forImage = byImage.get(normalize(config.image().image()));
        return forImage != null ? forImage : defaultBehavior;
    }

    ImageRule imageRule(String normalizedImage) {
        ImageRule rule = images.getOrDefault(normalizedImage, ImageRule.NONE);
        return rule.latency == null ? new ImageRule(rule.missing, rule.failure, defaultPullLatency) : rule;
    }

    List<String> preloaded() {
        return List.copyOf(preloaded);
    }

    /** {@code image} with {@code :latest} added when it has neither tag nor digest. */
    static String normalize(String image) {
        Objects.requireNonNull(image, "image");
        if (image.contains("@")) {
            return image;
        }
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 ? image : image + ":latest";
    }

    /** How pulls of one image go; {@code null} fields are unset. */
    record ImageRule(boolean missing, String failure, Duration latency) {
        static final ImageRule NONE = new ImageRule(false, null, null);

        ImageRule with(ImageRule later) {
            return new ImageRule(missing || later.missing, later.failure != null ? later.failure : failure,
                    later.latency != null ? later.latency : latency);
        }
    }
}
