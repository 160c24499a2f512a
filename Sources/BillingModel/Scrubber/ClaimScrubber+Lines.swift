/// Per-line rules: procedure code, units, charge, dates of service, diagnosis pointers,
/// the line's place-of-service override.
extension ClaimScrubber {
    func checkLines(_ claim: Claim, into report: inout ScrubReport) {
        for line in claim.lines {
            checkProcedure(line, into: &report)
            checkAmounts(line, into: &report)
            checkDates(line, into: &report)
            checkPointers(line, diagnosisCount: claim.diagnoses.count, into: &report)
            if let override = line.placeOfService {
                checkPlaceOfService(override, subject: "The line's place of service", dates: [line.serviceDate],
                                    line: line.lineNumber, into: &report)
            }
        }
    }

    private func checkProcedure(_ line: ServiceLine, into report: inout ScrubReport) {
        let code = line.procedureCode
        guard let kind = ProcedureCodeKind(code: code) else {
            report.add(.procedureUnknown, line: line.lineNumber, "Procedure code '\(code)' is not a CPT or HCPCS code.")
            return
        }
        let system = kind.system
        let date = line.serviceDate
        guard report.hasRelease(of: system, on: date, in: reference), !reference.contains(code, in: system, on: date) else {
            return
        }
        if let deletion = reference.deletion(of: code, in: system, on: date) {
            report.add(.procedureDeleted, line: line.lineNumber,
                       "Procedure code \(code) was deleted on \(deletion.effectiveFrom) with release \(deletion.release); "
                           + "it cannot be billed for services on \(date): choose a current code.")
        } else {
            report.add(.procedureUnknown, line: line.lineNumber,
                       "Procedure code \(code) is not in the \(system.rawValue) release in force on \(date).")
        }
    }

    private func checkAmounts(_ line: ServiceLine, into report: inout ScrubReport) {
        if line.units <= 0 {
            report.add(.units, line: line.lineNumber, "Units must be at least 1 (the line has \(line.units)).")
        }
        let zeroAllowed = ProcedureCode.isQualityReporting(line.procedureCode)
        if line.chargeCents < 0 || (line.chargeCents == 0 && !zeroAllowed) {
            let rule = zeroAllowed ? "may not be negative" : "must be more than zero"
            report.add(.charge, line: line.lineNumber, "The charge \(rule) (the line has \(Money.dollars(line.chargeCents))).")
        }
    }

    private func checkDates(_ line: ServiceLine, into report: inout ScrubReport) {
        if let last = line.serviceDateTo, last < line.serviceDate {
            report.add(.dateOfServiceInvalid, line: line.lineNumber,
                       "The last date of service \(last) is before the first, \(line.serviceDate).")
        }
        let latest = max(line.serviceDate, line.serviceDateTo ?? line.serviceDate)
        if latest > today {
            report.add(.dateOfServiceFuture, line: line.lineNumber,
                       "The date of service \(latest) is in the future; bill services after they happen.")
        }
    }

    private func checkPointers(_ line: ServiceLine, diagnosisCount: Int, into report: inout ScrubReport) {
        let pointers = line.diagnosisPointers
        if pointers.isEmpty {
            report.add(.pointerCount, line: line.lineNumber, "The line points at no diagnosis; it needs 1 to 4 pointers.")
        } else if pointers.count > Self.maximumPointers {
            report.add(.pointerCount, line: line.lineNumber,
                       "The line has \(pointers.count) diagnosis pointers; at most \(Self.maximumPointers) are allowed.")
        }
        var seen: Set<Int> = []
        for pointer in pointers {
            if !seen.insert(pointer).inserted {
                report.add(.pointerDuplicate, line: line.lineNumber, "The line points at diagnosis \(pointer) twice.")
            } else if pointer < 1 || pointer > diagnosisCount {
                let has = diagnosisCount == 0 ? "the claim has no diagnoses"
                                              : "the claim has \(diagnosisCount) \(diagnosisCount == 1 ? "diagnosis" : "diagnoses")"
                report.add(.pointerUnknownDiagnosis, line: line.lineNumber,
                           "The line points at diagnosis \(pointer), but \(has).")
            }
        }
    }
}
