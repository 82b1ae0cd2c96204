import TableFormat

extension LabeledData {
    /// Folds this set into `hash`: its shape, class count, sample count, labels and values (their
    /// bytes as stored). Equal content gives an equal hash whatever file, folder or name it came from;
    /// the search cache keys its accuracies by it.
    public func hashContent(into hash: inout FNV1a64) {
        let header = (sampleShape + [classCount, count]).map { Int64($0) }
        header.withUnsafeBytes { hash.update(buffer: $0.bindMemory(to: UInt8.self)) }
        labels.withUnsafeBytes { hash.update(buffer: $0.bindMemory(to: UInt8.self)) }
        values.withUnsafeBytes { hash.update(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    /// "fnv1a64:0x…" of the parts in order (e.g. a train and a test part).
    public static func contentHash(_ parts: [LabeledData]) -> String {
        var h = FNV1a64()
        for p in parts { p.hashContent(into: &h) }
        return "fnv1a64:" + FNV1a64.hex(h.value)
    }
}
