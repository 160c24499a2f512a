/// Reads a transaction set's segments in order, as the loop parsers walk them.
struct SegmentCursor {
    let segments: [X12ReadSegment]
    var index = 0

    init(_ segments: [X12ReadSegment]) { self.segments = segments }

    /// The next segment, not consumed.
    var peek: X12ReadSegment? { index < segments.count ? segments[index] : nil }

    /// The next segment's id.
    var nextID: String? { peek?.id }

    /// Consumes and returns the next segment.
    mutating func next() -> X12ReadSegment? {
        defer { index += 1 }
        return peek
    }

    /// Consumes the next segment when its id is `id`.
    mutating func take(_ id: String) -> X12ReadSegment? {
        guard peek?.id == id else { return nil }
        return next()
    }
}
