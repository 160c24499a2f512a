extension X12Reader {
    /// Walks ISA … IEA, checking each trailer against its header.
    struct Envelope {
        let segments: [X12ReadSegment]
        let delimiters: X12Delimiters
        var warnings: [PayerFileWarning] = []
        var index = 0

        init(segments: [X12ReadSegment], delimiters: X12Delimiters) {
            self.segments = segments
            self.delimiters = delimiters
        }

        mutating func read() throws -> X12Interchange {
            let isa = try expect("ISA", "the interchange header")
            guard isa.elements.count == 16 else {
                throw PayerFileError(.malformed, at: isa, "has \(isa.elements.count) elements; the interchange header has 16")
            }
            guard isa[12] == "00501" else {
                throw PayerFileError(.unsupported, at: isa,
                                     "interchange version \(isa[12].isEmpty ? "(none)" : isa[12]) is not 00501 (X12 5010): this reader reads 5010 files only")
            }
            let control = isa[13]
            var groups: [X12FunctionalGroup] = []
            while let next = peek(), next.id == "GS" {
                groups.append(try group())
            }
            guard let iea = peek() else {
                throw PayerFileError(.truncated, segmentNumber: segments.last.map { $0.number + 1 }, segmentID: "IEA",
                                     "the file ends before the interchange trailer (IEA)")
            }
            guard iea.id == "IEA" else {
                throw PayerFileError(.malformed, at: iea, "is not where a functional group (GS) or the interchange trailer (IEA) can stand")
            }
            index += 1
            guard !groups.isEmpty else { throw PayerFileError(.malformed, at: iea, "the interchange holds no functional group") }
            guard iea[1] == String(groups.count) else {
                throw PayerFileError(.envelope, at: iea, "counts \(iea[1]) functional groups; the interchange holds \(groups.count)")
            }
            if Int(iea[2]) != Int(control) || Int(control) == nil {
                warnings.append(PayerFileWarning(at: iea, "control number \(iea[2]) differs from the header's \(control); tolerated (the counts close the interchange)"))
            }
            if let extra = peek() {
                throw PayerFileError(.malformed, at: extra, "follows the interchange trailer; one file holds one interchange")
            }
            return X12Interchange(delimiters: delimiters, senderID: isa[6].trimmed, receiverID: isa[8].trimmed,
                                  controlNumber: control, usage: isa[15], groups: groups, warnings: warnings)
        }

        mutating func group() throws -> X12FunctionalGroup {
            let gs = try expect("GS", "a functional group header")
            let control = try gs.required(6, "the group control number")
            let version = try gs.required(8, "the version")
            guard version.hasPrefix("00501") else {
                throw PayerFileError(.unsupported, at: gs, "version \(version) is not 5010; this reader reads 005010 implementation guides only")
            }
            if !Self.isTime(gs[5]) {
                warnings.append(PayerFileWarning(at: gs, "time (GS05) `\(gs[5])` is not a real time of day; tolerated"))
            }
            var sets: [X12TransactionSet] = []
            while let next = peek(), next.id == "ST" {
                sets.append(try transactionSet(version: version))
            }
            let ge = try expect("GE", "the group trailer (GE) or a transaction set (ST)")
            guard !sets.isEmpty else { throw PayerFileError(.malformed, at: ge, "the functional group holds no transaction set") }
            guard ge[1] == String(sets.count) else {
                throw PayerFileError(.envelope, at: ge, "counts \(ge[1]) transaction sets; the group holds \(sets.count)")
            }
            guard Int(ge[2]) == Int(control) else {
                throw PayerFileError(.envelope, at: ge, "control number \(ge[2]) does not match its group header's \(control) (GS06)")
            }
            return X12FunctionalGroup(functionalID: gs[1], senderCode: gs[2], receiverCode: gs[3], controlNumber: control,
                                      version: version, transactionSets: sets)
        }

        mutating func transactionSet(version: String) throws -> X12TransactionSet {
            let st = try expect("ST", "a transaction set header")
            let id = try st.required(1, "the transaction set id")
            let control = try st.required(2, "the transaction set control number")
            var body: [X12ReadSegment] = []
            while let next = peek(), next.id != "SE" {
                guard !["ST", "GE", "GS", "IEA", "ISA"].contains(next.id) else {
                    throw PayerFileError(.truncated, at: next,
                                         "transaction set \(control) (segment \(st.number)) ends without its trailer (SE)")
                }
                body.append(next)
                index += 1
            }
            guard let se = peek() else {
                throw PayerFileError(.truncated, segmentNumber: segments.last.map { $0.number + 1 }, segmentID: "SE",
                                     "the file ends inside transaction set \(control) (segment \(st.number)): no SE, GE or IEA")
            }
            index += 1
            guard se[1] == String(body.count + 2) else {
                throw PayerFileError(.envelope, at: se,
                                     "counts \(se[1]) segments; transaction set \(control) has \(body.count + 2) (ST to SE): segments are missing or extra")
            }
            guard se[2] == control else {
                throw PayerFileError(.envelope, at: se, "control number \(se[2]) does not match its header's \(control) (ST02)")
            }
            return X12TransactionSet(id: id, controlNumber: control, conventionReference: st.optional(3), header: st,
                                     segments: body, groupVersion: version)
        }

        func peek() -> X12ReadSegment? { index < segments.count ? segments[index] : nil }

        mutating func expect(_ id: String, _ what: String) throws -> X12ReadSegment {
            guard let segment = peek() else {
                throw PayerFileError(.truncated, segmentNumber: segments.last.map { $0.number + 1 }, segmentID: id,
                                     "the file ends where \(what) should be")
            }
            guard segment.id == id else {
                throw PayerFileError(.malformed, at: segment, "stands where \(what) (\(id)) should be")
            }
            index += 1
            return segment
        }

        /// HHMM, HHMMSS, HHMMSSD…: hours 0–23, minutes and seconds 0–59.
        static func isTime(_ text: String) -> Bool {
            guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            let digits = Array(text.utf8).map { Int($0) - 48 }
            guard digits.count >= 4 else { return false }
            let hours = digits[0] * 10 + digits[1], minutes = digits[2] * 10 + digits[3]
            let seconds = digits.count >= 6 ? digits[4] * 10 + digits[5] : 0
            return hours < 24 && minutes < 60 && seconds < 60
        }
    }
}

extension String {
    /// Without surrounding spaces (the ISA's padded ids).
    var trimmed: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
