/// Reads a 999 transaction set.
enum FunctionalAcknowledgmentParser {
    static let versions: Set<String> = ["005010X231A1", "005010X231"]

    static func parse(_ set: X12TransactionSet) throws -> FunctionalAcknowledgment {
        try set.requireVersion(versions, "005010X231A1")
        var cursor = SegmentCursor(set.segments)
        let ak1 = try set.opening(&cursor, "AK1", "the acknowledged group")
        var sets: [TransactionSetAcknowledgment] = []
        while cursor.nextID == "AK2" {
            sets.append(try transactionSet(&cursor))
        }
        guard let ak9 = cursor.take("AK9") else {
            let at = cursor.peek
            throw PayerFileError(at == nil ? .truncated : .malformed, segmentNumber: at?.number ?? set.header.number,
                                 segmentID: at?.id ?? "ST", "the 999 has no group verdict (AK9) where it should end")
        }
        if let extra = cursor.peek {
            throw PayerFileError(.malformed, at: extra, "cannot stand after the group verdict (AK9)")
        }
        guard let outcome = AcknowledgmentOutcome(code: ak9[1]) else {
            throw PayerFileError(.malformed, at: ak9, "verdict `\(ak9[1])` (AK901) is not A, E, P, R, M, W or X")
        }
        return FunctionalAcknowledgment(
            functionalID: try ak1.required(1, "the functional id"), groupControlNumber: try ak1.required(2, "the group control number"),
            version: ak1.optional(3), transactionSets: sets, outcome: outcome, outcomeCode: ak9[1],
            includedCount: Int(ak9[2]), receivedCount: Int(ak9[3]), acceptedCount: Int(ak9[4]),
            groupErrors: (5...9).compactMap { ak9.optional($0) }.map(AcknowledgmentWords.groupError),
            controlNumber: set.controlNumber)
    }

    static func transactionSet(_ cursor: inout SegmentCursor) throws -> TransactionSetAcknowledgment {
        let ak2 = cursor.next()!
        var errors: [SegmentError] = []
        while let ik3 = cursor.take("IK3") {
            while cursor.take("CTX") != nil {}
            var elements: [String] = []
            while let ik4 = cursor.take("IK4") {
                let place = ik4.components(1)
                let position = place.first.flatMap(Int.init).map { "element \($0)" + (place.count > 1 ? "-\(place[1])" : "") } ?? "an element"
                let reference = ik4.optional(2).map { " (data element \($0))" } ?? ""
                elements.append(position + reference + ": " + AcknowledgmentWords.elementError(ik4[3]))
                while cursor.take("CTX") != nil {}
            }
            errors.append(SegmentError(segmentID: ik3[1], position: Int(ik3[2]), loop: ik3.optional(3), code: ik3.optional(4),
                                       problem: AcknowledgmentWords.segmentError(ik3[4]), elementErrors: elements))
        }
        guard let ik5 = cursor.take("IK5") else {
            let at = cursor.peek ?? ak2
            throw PayerFileError(.malformed, at: at, "transaction set \(ak2[2]) (AK2 at segment \(ak2.number)) has no verdict (IK5)")
        }
        guard let outcome = AcknowledgmentOutcome(code: ik5[1]), outcome != .partiallyAccepted else {
            throw PayerFileError(.malformed, at: ik5, "verdict `\(ik5[1])` (IK501) is not A, E, R, M, W or X")
        }
        return TransactionSetAcknowledgment(
            transactionID: try ak2.required(1, "the transaction id"), controlNumber: try ak2.required(2, "the control number"),
            outcome: outcome, outcomeCode: ik5[1], segmentErrors: errors,
            setErrors: (2...6).compactMap { ik5.optional($0) }.map(AcknowledgmentWords.setError))
    }
}
