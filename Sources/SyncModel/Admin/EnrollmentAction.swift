/// What an administrator asks of a clinic's enrollment, and whether the clinic's current state
/// allows it: the one rule both central backends apply.
///
/// - `enroll`: a new clinic, or a new token for an enrolled one (rotation, as before); a
///   revoked clinic comes back only when asked explicitly (`reinstate`).
/// - `rotate`: a new token for an enrolled, unrevoked clinic; the old one stops working at once.
public enum EnrollmentAction: Sendable, Equatable {
    /// `admin enroll`, with `--reinstate` or not.
    case enroll(reinstate: Bool)
    /// `admin rotate`.
    case rotate

    /// The clinic's enrollment as the node has it.
    public enum Current: Sendable, Equatable {
        /// Not enrolled.
        case unknown
        /// Enrolled, its token valid.
        case active
        /// Enrolled, its token revoked.
        case revoked
    }

    /// Why this action is refused for a clinic in `current` state, or `nil` when it may go ahead.
    public func refusal(for current: Current) -> Refusal? {
        switch (self, current) {
        case (.rotate, .unknown): return .notEnrolled
        case (.rotate, .revoked): return .revoked(hint: "re-enroll it with `admin enroll --reinstate`")
        case (.enroll(reinstate: false), .revoked): return .revoked(hint: "give --reinstate to enroll it again")
        default: return nil
        }
    }

    /// A refused enrollment action.
    public enum Refusal: Sendable, Equatable {
        /// The clinic is not enrolled.
        case notEnrolled
        /// The clinic's token is revoked; `hint` says how to bring it back.
        case revoked(hint: String)

        /// One line for the administrator.
        public var reason: String {
            switch self {
            case .notEnrolled: return "it is not enrolled"
            case .revoked(let hint): return "its token is revoked: \(hint)"
            }
        }
    }
}
