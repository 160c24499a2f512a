import BillingModel

extension RemittanceParser {
    /// Loop 2100 (CLP …) with its 2110 service lines.
    enum ClaimLoop {
        /// Segments that end a claim loop.
        static let loopEnds: Set<String> = ["CLP", "PLB", "LX", "TS3", "TS2"]

        static func read(_ cursor: inout SegmentCursor, warnings: inout [PayerFileWarning]) throws -> ClaimPayment {
            let clp = cursor.next()!
            let claimNumber = try clp.required(1, "the claim number")
            let code = try clp.required(2, "the claim status")
            guard let status = ClaimPaymentStatus(code: code) else {
                throw PayerFileError(.unsupported, at: clp,
                                     "claim \(claimNumber): status \(code) is not one this reader posts (1, 2, 3, 19, 20, 21 processed; 4 denied; 22 reversal)")
            }
            let charge = try clp.amount(3, "the claim charge")
            let paid = try clp.amount(4, "the claim payment")
            let patientShare = try clp.optionalAmount(5, "the patient responsibility")
            var adjustments: [Adjustment] = []
            var lines: [ServicePayment] = []
            var dates: [String: CalendarDate] = [:]
            var amounts: [String: Int64] = [:]
            var remarks: [String] = []
            var patient: RemittancePatient?
            while let segment = cursor.peek, !loopEnds.contains(segment.id) {
                if segment.id == "SVC" {
                    lines.append(try ServiceLoop.read(&cursor, warnings: &warnings))
                    continue
                }
                _ = cursor.next()
                switch segment.id {
                case "CAS":
                    adjustments += try Self.adjustments(segment) // after an SVC, CAS belongs to the line's loop
                case "NM1" where segment[1] == "QC":
                    patient = RemittancePatient(lastName: segment[3], firstName: segment.optional(4), identifier: segment.optional(9))
                case "DTM":
                    if let date = X12Date.tolerated(segment, 2, "the claim date", warnings: &warnings) { dates[segment[1]] = date }
                case "AMT":
                    amounts[segment[1]] = try segment.amount(2, "the claim amount")
                case "MOA":
                    remarks += (3...7).compactMap { segment.optional($0) }
                case "MIA":
                    remarks += [5, 20, 21, 22, 23].compactMap { segment.optional($0) }
                default:
                    break // NM1 (insured, provider), MIA, REF, PER, QTY: read past.
                }
            }
            return ClaimPayment(
                claimNumber: claimNumber, status: status, statusCode: code, chargeCents: charge, paidCents: paid,
                patientResponsibilityCents: patientShare, filingIndicator: clp.optional(6),
                payerClaimControlNumber: clp.optional(7), facilityCode: clp.optional(8), frequencyCode: clp.optional(9),
                adjustments: adjustments, lines: lines, statementFrom: dates["232"], statementTo: dates["233"],
                receivedDate: dates["050"], amounts: amounts, remarkCodes: remarks, patient: patient,
                segmentNumber: clp.number)
        }

        /// CAS: a group, then up to six reason / amount / quantity triples.
        static func adjustments(_ cas: X12ReadSegment) throws -> [Adjustment] {
            guard let group = AdjustmentGroup(rawValue: cas[1]) else {
                throw PayerFileError(.malformed, at: cas, "adjustment group `\(cas[1])` is not CO, PR, OA or PI")
            }
            var result: [Adjustment] = []
            for triple in 0..<6 {
                let position = 2 + triple * 3
                let reason = cas[position]
                if reason.isEmpty {
                    guard cas[position + 1].isEmpty else {
                        throw PayerFileError(.malformed, at: cas, "an amount (\(cas.reference(position + 1))) without its reason code")
                    }
                    continue
                }
                let amount = try cas.amount(position + 1, "the adjustment amount")
                result.append(Adjustment(group: group, reason: reason, amountCents: amount, quantity: cas.optional(position + 2)))
            }
            guard !result.isEmpty else {
                throw PayerFileError(.malformed, at: cas, "carries no reason and amount (CAS02/CAS03)")
            }
            return result
        }
    }

    /// Loop 2110 (SVC …).
    enum ServiceLoop {
        static let loopEnds: Set<String> = ClaimLoop.loopEnds.union(["SVC"])

        static func read(_ cursor: inout SegmentCursor, warnings: inout [PayerFileWarning]) throws -> ServicePayment {
            let svc = cursor.next()!
            let procedure = try composite(svc, 1, warnings: &warnings)
            guard procedure.count >= 2, !procedure[1].isEmpty else {
                throw PayerFileError(.malformed, at: svc, "the procedure (SVC01) has no code after its qualifier")
            }
            let charge = try svc.amount(2, "the line charge")
            let paid = try svc.amount(3, "the line payment")
            let submitted = svc[6].isEmpty ? nil : try composite(svc, 6, warnings: &warnings)
            var adjustments: [Adjustment] = []
            var dates: [String: CalendarDate] = [:]
            var control: String?
            var allowed: Int64?
            var remarks: [String] = []
            while let segment = cursor.peek, !loopEnds.contains(segment.id) {
                _ = cursor.next()
                switch segment.id {
                case "CAS": adjustments += try ClaimLoop.adjustments(segment)
                case "DTM":
                    if let date = X12Date.tolerated(segment, 2, "the service date", warnings: &warnings) { dates[segment[1]] = date }
                case "REF" where segment[1] == "6R": control = segment.optional(2)
                case "AMT" where segment[1] == "B6": allowed = try segment.amount(2, "the allowed amount")
                case "LQ": if let code = segment.optional(2) { remarks.append(code) }
                default: break
                }
            }
            let from = dates["472"] ?? dates["150"]
            let to = dates["472"] ?? dates["151"] ?? from
            return ServicePayment(
                qualifier: procedure[0], procedureCode: procedure[1],
                modifiers: procedure.dropFirst(2).prefix(4).filter { !$0.isEmpty }, chargeCents: charge, paidCents: paid,
                units: svc.optional(5), submittedProcedureCode: submitted.flatMap { $0.count > 1 ? $0[1] : nil },
                serviceDates: from.flatMap { from in to.map { from...max(from, $0) } }, adjustments: adjustments,
                lineControlNumber: control, allowedCents: allowed, remarkCodes: remarks, segmentNumber: svc.number)
        }

        /// A composite procedure (`HC:99213:25`). A payer that wrote another separator inside it
        /// (`HC>55669` although ISA16 is `:`) is read with that separator, and the flaw is said.
        static func composite(_ svc: X12ReadSegment, _ position: Int, warnings: inout [PayerFileWarning]) throws -> [String] {
            let parts = svc.components(position)
            if parts.count > 1 { return parts }
            let text = Array(svc[position].utf8)
            // A product/service id qualifier is two letters or a letter and a digit (HC, AD, N4 …).
            guard text.count > 3, X12Delimiters.isDelimiterCandidate(text[2]),
                  text[0..<2].allSatisfy({ (65...90).contains($0) || (48...57).contains($0) }) else { return parts }
            let separator = Character(UnicodeScalar(text[2]))
            warnings.append(PayerFileWarning(at: svc, "the procedure (\(svc.reference(position))) uses `\(separator)` between its components although the header announces `\(svc.componentSeparator)`; read with `\(separator)`"))
            return svc[position].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
    }
}
