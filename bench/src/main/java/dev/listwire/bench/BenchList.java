package dev.listwire.bench;

import dev.listwire.testkit.ListFixture;

/**
 * The list every benchmark sends: stock-movement-alerts (its handler, payload and templates), from
 * {@code bench-list.json}, its manifest with the per-invocation pace lifted. The real manifest paces one
 * invocation to 10 emails a second, which would measure the pacer's sleeps, not the pipeline.
 */
final class BenchList {

    static final String MANIFEST = "classpath:bench-list.json";

    private BenchList() {
    }

    static ListFixture fixture() {
        return ListFixture.forManifest(MANIFEST);
    }
}
