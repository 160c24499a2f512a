/// Medically Unlikely Edit limits: units per line (indicator 1) or per code and date of
/// service summed over the claim's lines (indicators 2 and 3).
extension ClaimScrubber {
    func checkMUELimits(_ claim: Claim, into report: inout ScrubReport) {
        var unitsByCodeAndDate: [CodeOnDate: (units: Int, lines: [Int])] = [:]
        var order: [CodeOnDate] = []
        for line in claim.lines where line.units > 0 {
            let key = CodeOnDate(code: line.procedureCode, date: line.serviceDate)
            if unitsByCodeAndDate[key] == nil { order.append(key) }
            unitsByCodeAndDate[key, default: (0, [])].units += line.units
            unitsByCodeAndDate[key, default: (0, [])].lines.append(line.lineNumber)
            guard report.hasRelease(of: .mue, on: line.serviceDate, in: reference),
                  let limit = reference.mueLimit(for: line.procedureCode, on: line.serviceDate),
                  limit.indicator == .line, line.units > limit.maxUnits else { continue }
            report.add(.medicallyUnlikelyEdit, line: line.lineNumber,
                       "\(line.units) units of \(line.procedureCode) on one line exceed the MUE limit of "
                           + "\(limit.maxUnits) per line (\(limit.rationale)).")
        }
        for key in order {
            guard let total = unitsByCodeAndDate[key],
                  let limit = reference.mueLimit(for: key.code, on: key.date),
                  limit.indicator.sumsOverDateOfService, total.units > limit.maxUnits else { continue }
            let lines = total.lines.map(String.init).joined(separator: ", ")
            report.add(.medicallyUnlikelyEdit, line: total.lines[0],
                       "\(total.units) units of \(key.code) on \(key.date) (line\(total.lines.count == 1 ? "" : "s") "
                           + "\(lines)) exceed the MUE limit of \(limit.maxUnits) per date of service (\(limit.rationale)).")
        }
    }

    private struct CodeOnDate: Hashable {
        var code: String
        var date: CalendarDate
    }
}
