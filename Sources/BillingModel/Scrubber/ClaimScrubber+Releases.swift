/// A claim whose lines fall under two ICD-10-CM releases (its dates of service straddle a
/// release's start) is coded against two code sets: suggest one claim per release.
extension ClaimScrubber {
    func checkReleaseSplit(_ claim: Claim, into report: inout ScrubReport) {
        var groups: [(release: ReleasePeriod, lines: [Int])] = []
        for line in claim.lines {
            guard let release = reference.releaseInForce(of: .icd10cm, on: line.serviceDate) else { continue }
            if let index = groups.firstIndex(where: { $0.release.id == release.id }) {
                groups[index].lines.append(line.lineNumber)
            } else {
                groups.append((release, [line.lineNumber]))
            }
        }
        guard groups.count >= 2 else { return }
        let parts = groups.sorted { $0.release.effectiveFrom < $1.release.effectiveFrom }.map { group in
            let lines = group.lines.sorted().map(String.init).joined(separator: ", ")
            return "line\(group.lines.count == 1 ? "" : "s") \(lines) under \(group.release)"
        }
        report.add(.diagnosisReleaseSplit,
                   "The lines fall under \(groups.count) ICD-10-CM releases (\(parts.joined(separator: "; "))); "
                       + "split the claim into one claim per release, each coded against its own release.")
    }
}
