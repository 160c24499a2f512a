/// NCCI procedure-to-procedure edits between lines on the same date of service.
extension ClaimScrubber {
    func checkNCCIEdits(_ claim: Claim, into report: inout ScrubReport) {
        let linesByDate = Dictionary(grouping: claim.lines, by: \.serviceDate)
        for date in linesByDate.keys.sorted() {
            let lines = linesByDate[date, default: []]
            guard lines.count >= 2, report.hasRelease(of: .ncciPTP, on: date, in: reference) else { continue }
            for first in lines {
                for second in lines where second.lineNumber != first.lineNumber {
                    guard let edit = reference.ncciEdit(column1: first.procedureCode, column2: second.procedureCode,
                                                        on: date) else { continue }
                    reportEdit(edit, column1: first, column2: second, on: date, into: &report)
                }
            }
        }
    }

    private func reportEdit(_ edit: NCCIEdit, column1: ServiceLine, column2: ServiceLine, on date: CalendarDate,
                        into report: inout ScrubReport) {
        let pair = "\(column2.procedureCode) (line \(column2.lineNumber)) is bundled into "
            + "\(column1.procedureCode) (line \(column1.lineNumber)) on \(date) by an NCCI edit"
        switch edit.modifierIndicator {
        case .notApplicable:
            return
        case .notAllowed:
            report.add(.ncciProcedureToProcedure, line: column2.lineNumber,
                       "\(pair); no modifier allows billing both (\(edit.rationale)).")
        case .allowed:
            guard !column2.modifiers.contains(where: NCCIEdit.associatedModifiers.contains) else { return }
            let example = ProcedureCode.isEvaluationAndManagement(column2.procedureCode) ? "25" : "59 or XS"
            report.add(.ncciProcedureToProcedure, line: column2.lineNumber,
                       "\(pair); bill both only for a distinct service, with an NCCI-associated modifier "
                           + "such as \(example) on line \(column2.lineNumber) (\(edit.rationale)).")
        }
    }
}
