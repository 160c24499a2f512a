/// Diagnosis rules: 1–12 codes, no duplicates, each a billable ICD-10-CM code in the
/// release in force on every date of service of the claim.
extension ClaimScrubber {
    func checkDiagnoses(_ claim: Claim, into report: inout ScrubReport) {
        let count = claim.diagnoses.count
        if count == 0 {
            report.add(.diagnosisCount, "The claim has no diagnosis; it needs at least one ICD-10-CM code.")
        } else if count > Self.maximumDiagnoses {
            report.add(.diagnosisCount, "The claim has \(count) diagnoses; at most \(Self.maximumDiagnoses) fit on one claim.")
        }
        var firstPosition: [String: Int] = [:]
        for (index, code) in claim.diagnoses.enumerated() {
            let position = index + 1
            let label = "Diagnosis \(position) (\(DiagnosisCode.display(code)))"
            if let first = firstPosition[code] {
                report.add(.diagnosisDuplicate, "\(label) repeats diagnosis \(first); list each code once.")
                continue
            }
            firstPosition[code] = position
            checkDiagnosisCode(code, label: label, dates: claim.serviceDates, into: &report)
        }
    }

    private func checkDiagnosisCode(_ code: String, label: String, dates: [CalendarDate],
                                    into report: inout ScrubReport) {
        guard DiagnosisCode.hasValidFormat(code) else {
            report.add(.diagnosisUnknown, "\(label) is not an ICD-10-CM code.")
            return
        }
        for date in dates where report.hasRelease(of: .icd10cm, on: date, in: reference) {
            guard let entry = reference.diagnosis(code, on: date) else {
                if let deletion = reference.deletion(of: code, in: .icd10cm, on: date) {
                    report.add(.diagnosisDeleted, "\(label) was deleted on \(deletion.effectiveFrom) with release "
                        + "\(deletion.release); it cannot be billed for services on \(date): choose a current code.")
                } else {
                    report.add(.diagnosisUnknown, "\(label) is not in the ICD-10-CM release in force on \(date).")
                }
                return
            }
            if !entry.billable {
                report.add(.diagnosisNotBillable, "\(label) is a category header, not a billable code; "
                    + "choose a more specific code under \(DiagnosisCode.display(code)).")
                return
            }
        }
    }
}
