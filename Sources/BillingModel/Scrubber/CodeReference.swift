/// What the claim scrubber asks about codes, always for one date of service.
///
/// Each question is answered from the release of the system in force on that date (when
/// several releases cover the date, the one that started last). The store answers from
/// its imported releases; ``InMemoryCodeReference`` answers from values, for tests and
/// small tools.
public protocol CodeReference: Sendable {
    /// Whether a release of `system` is in force on `date` at all. When there is none,
    /// the scrubber cannot tell whether a code exists and only checks its format.
    func hasRelease(of system: CodeSystem, on date: CalendarDate) -> Bool

    /// The entry for a normalized `code` in the release of `system` (ICD-10-CM, CPT, HCPCS,
    /// modifier, POS) in force on `date`; `nil` when the code or the release is missing.
    func entry(for code: String, in system: CodeSystem, on date: CalendarDate) -> CodeEntry?

    /// The NCCI PTP edit for the ordered pair (column 1, column 2) that applies on `date`
    /// (``NCCIEdit/isInForce(on:)``) in the NCCI release in force then, if any.
    func ncciEdit(column1: String, column2: String, on date: CalendarDate) -> NCCIEdit?

    /// The MUE limit for a procedure code in the MUE release in force on `date`, if any.
    func mueLimit(for code: String, on date: CalendarDate) -> MUELimit?

    /// The release of `system` in force on `date` (name and period), if any. The default
    /// answers `nil`: a reference that does not know release names never suggests a split.
    func releaseInForce(of system: CodeSystem, on date: CalendarDate) -> ReleasePeriod?

    /// When `code`, missing from the release of `system` in force on `date`, was deleted by
    /// an earlier release (``CodeDeletion/find(_:system:inForce:history:listing:)``). The
    /// default answers `nil` (the code is only "not in the release").
    func deletion(of code: String, in system: CodeSystem, on date: CalendarDate) -> CodeDeletion?
}

extension CodeReference {
    /// No release names: `nil`.
    public func releaseInForce(of system: CodeSystem, on date: CalendarDate) -> ReleasePeriod? { nil }

    /// No release history: `nil`.
    public func deletion(of code: String, in system: CodeSystem, on date: CalendarDate) -> CodeDeletion? { nil }

    /// The ICD-10-CM entry for a normalized diagnosis code on `date` (it may be a
    /// non-billable header such as `E11`).
    public func diagnosis(_ code: String, on date: CalendarDate) -> CodeEntry? {
        entry(for: code, in: .icd10cm, on: date)
    }

    /// Whether `code` exists in the release of `system` in force on `date`.
    public func contains(_ code: String, in system: CodeSystem, on date: CalendarDate) -> Bool {
        entry(for: code, in: system, on: date) != nil
    }
}
