/// The causal facts the merge reads from a change or a field state.
public struct CausalStamp: Hashable, Sendable {
    /// The write's version.
    public var version: Version
    /// Its central server sequence, when known.
    public var serverSeq: Int64?
    /// The highest central server sequence its writer had seen.
    public var observed: Int64
    /// The version it replaced, when known (only a change carries it).
    public var replaced: Version?

    /// A stamp from its parts.
    public init(version: Version, serverSeq: Int64?, observed: Int64, replaced: Version? = nil) {
        self.version = version
        self.serverSeq = serverSeq
        self.observed = observed
        self.replaced = replaced
    }
}

/// Something with a ``CausalStamp``: a ``Change`` or a ``FieldState``.
public protocol CausallyStamped {
    /// The write's causal facts.
    var causalStamp: CausalStamp { get }
}

extension Change: CausallyStamped {
    /// The change's version, server sequence, observed cursor and replaced version.
    public var causalStamp: CausalStamp {
        CausalStamp(version: version, serverSeq: serverSeq, observed: observed, replaced: replaced)
    }
}

extension FieldState: CausallyStamped {
    /// The state's version, server sequence and observed cursor.
    public var causalStamp: CausalStamp {
        CausalStamp(version: version, serverSeq: serverSeq, observed: observed)
    }
}

/// Happened-before between writes, in the star topology (DESIGN §5; the merge's only notion
/// of "had seen").
public enum Causality {
    /// Whether the writer of `x` had seen the write `y` when it wrote `x`. True when:
    /// - both come from one site and `x` is later there (`x.seq > y.seq`), or
    /// - the central node had logged `y` and the writer of `x` had seen that far
    ///   (`x.observed >= y.serverSeq`), or
    /// - `x` replaced exactly the version `y` wrote (`x.replaced == y.version`; one version
    ///   names one change, so this holds across the columns of a row insert too).
    ///
    /// A write whose server sequence is unknown (a local change not yet pushed) can only have
    /// been seen by its own site. Every true answer is a fact; a false one means "not known to".
    public static func saw(_ x: some CausallyStamped, _ y: some CausallyStamped) -> Bool {
        saw(x.causalStamp, y.causalStamp)
    }

    /// ``saw(_:_:)`` on stamps.
    public static func saw(_ x: CausalStamp, _ y: CausalStamp) -> Bool {
        if x.version.site == y.version.site { return x.version.seq > y.version.seq }
        if let seq = y.serverSeq, x.observed >= seq { return true }
        return x.replaced == y.version
    }

    /// Whether `a` and `b` come from different sites and neither writer had seen the other.
    public static func concurrent(_ a: some CausallyStamped, _ b: some CausallyStamped) -> Bool {
        let a = a.causalStamp, b = b.causalStamp
        return a.version.site != b.version.site && !saw(a, b) && !saw(b, a)
    }
}
