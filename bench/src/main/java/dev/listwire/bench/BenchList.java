package dev.listwire.bench;

import dev.listwire.testkit.ListFixture;

/**
 * The list every benchmark sends: stock-movement-alerts (its handler, payload and templates), from
 * {@code bench-list.json}, its manifest with the per-invocation pace lifted. The real manifest paces one
 * invocation to 10 emails a second, which would measure the pacer's sleeps, not the pipeline.
 * {@code bench-list-2.json}, {@code -4}, {@code -8} and {@code -16} split each event into that many
 * parallel-scan segments (the function's own split), with as many invocations allowed at once (8 and 16
 * for {@code -Dbench.segments-per-invocation=4}).
 */
final class BenchList {

    static final String MANIFEST = "classpath:bench-list.json";

    private BenchList() {}

    static ListFixture fixture() {
        return ListFixture.forManifest(MANIFEST);
    }

    static String manifest(int segments) {
        return segments == 1 ? MANIFEST : "classpath:bench-list-" + segments + ".json";
    }

    /**
     * The list split into {@code segments}, with every {@code -Dbench.set.<listwire property>=<value>} applied
     * (for example {@code -Dbench.set.listwire.ledger.claims-ahead=16}): an A/B of a setting without an edit.
     */
    static ListFixture fixture(int segments) {
        ListFixture list = ListFixture.forManifest(manifest(segments));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(SET))
                .forEach(name -> list.property(name.substring(SET.length()), System.getProperty(name)));
        return list;
    }

    private static final String SET = "bench.set.";
}
