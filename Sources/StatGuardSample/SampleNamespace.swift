/// Seeded generation of synthetic bureau data (see `SampleGenerator`).
enum SampleNamespace {}
