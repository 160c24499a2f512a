/// Modifier rules: at most 4 distinct known modifiers, no contradictory pairs, 25 only on
/// E/M codes, and telehealth consistency with the place of service.
extension ClaimScrubber {
    /// Pairs of modifiers that contradict each other on one line.
    static let conflictingModifiers: [(String, String, String)] = [
        ("LT", "RT", "a service on both sides is billed with modifier 50 or as two lines"),
        ("26", "TC", "the professional and technical components together are the global service, billed without either"),
        ("59", "XE", "XE is a more specific replacement for 59; use one"),
        ("59", "XS", "XS is a more specific replacement for 59; use one"),
        ("59", "XP", "XP is a more specific replacement for 59; use one"),
        ("59", "XU", "XU is a more specific replacement for 59; use one"),
    ]
    /// Places of service that mean telehealth: 02 (other than home), 10 (in the home).
    static let telehealthPlacesOfService: Set<String> = ["02", "10"]
    /// Modifiers that mark a telehealth service: 95 (audio-video), 93 (audio only), GT.
    static let telehealthModifiers: Set<String> = ["95", "93", "GT"]

    func checkModifiers(_ claim: Claim, into report: inout ScrubReport) {
        for line in claim.lines {
            checkModifierList(line, into: &report)
            checkTelehealth(line, claimPlaceOfService: claim.placeOfService, into: &report)
        }
    }

    private func checkModifierList(_ line: ServiceLine, into report: inout ScrubReport) {
        let number = line.lineNumber
        if line.modifiers.count > Self.maximumModifiers {
            report.add(.modifierCount, line: number,
                       "The line has \(line.modifiers.count) modifiers; at most \(Self.maximumModifiers) are allowed.")
        }
        var seen: Set<String> = []
        for modifier in line.modifiers {
            guard seen.insert(modifier).inserted else {
                report.add(.modifierDuplicate, line: number, "Modifier \(modifier) is listed twice.")
                continue
            }
            if !ShortCode.isModifier(modifier) {
                report.add(.modifierUnknown, line: number, "Modifier '\(modifier)' is not two letters or digits.")
            } else if report.hasRelease(of: .modifier, on: line.serviceDate, in: reference),
                      !reference.contains(modifier, in: .modifier, on: line.serviceDate) {
                report.add(.modifierUnknown, line: number,
                           "Modifier \(modifier) is not in the modifier list in force on \(line.serviceDate).")
            }
        }
        for (first, second, why) in Self.conflictingModifiers where seen.contains(first) && seen.contains(second) {
            report.add(.modifierConflict, line: number, "Modifiers \(first) and \(second) contradict each other: \(why).")
        }
        if seen.contains("25"), !ProcedureCode.isEvaluationAndManagement(line.procedureCode) {
            report.add(.modifier25NotEvaluationAndManagement, line: number,
                       "Modifier 25 belongs on an evaluation and management code (99202–99499), not on \(line.procedureCode).")
        }
    }

    private func checkTelehealth(_ line: ServiceLine, claimPlaceOfService: String, into report: inout ScrubReport) {
        let place = line.placeOfService ?? claimPlaceOfService
        let remotePlace = Self.telehealthPlacesOfService.contains(place)
        let remoteModifiers = line.modifiers.filter(Self.telehealthModifiers.contains)
        if remotePlace, remoteModifiers.isEmpty {
            report.add(.telehealth, line: line.lineNumber,
                       "Place of service \(place) is telehealth, but the line has no telehealth modifier (95, 93 or GT).")
        } else if !remotePlace, let modifier = remoteModifiers.first {
            report.add(.telehealth, line: line.lineNumber,
                       "Modifier \(modifier) marks telehealth, but the place of service is \(place), not 02 or 10; "
                           + "check what this payer expects.")
        }
    }
}
