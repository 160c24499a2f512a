/// One inbound payer file read whole: what its transactions say, and the flaws tolerated.
///
/// The transaction decides the kind: 835 remittances, 999 acknowledgments, 277CA claim
/// acknowledgments. One file holds one kind; a mix, or any other transaction, is refused.
public struct PayerFile: Hashable, Sendable {
    /// What the file carries.
    public enum Content: Hashable, Sendable {
        /// 835 transaction sets.
        case remittances([Remittance])
        /// 999 transaction sets.
        case functionalAcknowledgments([FunctionalAcknowledgment])
        /// 277CA transaction sets.
        case claimAcknowledgments([ClaimAcknowledgmentReport])
    }

    /// The envelope as read.
    public let interchange: X12Interchange
    /// The transactions.
    public let content: Content
    /// Every flaw tolerated, envelope first, in file order.
    public let warnings: [PayerFileWarning]

    /// Reads any supported payer file.
    public static func read(_ text: String) throws -> PayerFile {
        let interchange = try X12Reader.read(text)
        let sets = interchange.groups.flatMap(\.transactionSets)
        let kinds = Set(sets.map(\.id))
        guard kinds.count == 1, let kind = kinds.first else {
            throw PayerFileError(.unsupported, at: sets[0].header,
                                 "the file mixes transactions \(kinds.sorted().joined(separator: ", ")); one payer file holds one kind")
        }
        var warnings = interchange.warnings
        let content: Content
        switch kind {
        case "835": content = .remittances(try sets.map { try RemittanceParser.parse($0, warnings: &warnings) })
        case "999": content = .functionalAcknowledgments(try sets.map { try FunctionalAcknowledgmentParser.parse($0) })
        case "277": content = .claimAcknowledgments(try sets.map { try ClaimAcknowledgmentParser.parse($0, warnings: &warnings) })
        default:
            throw PayerFileError(.unsupported, at: sets[0].header,
                                 "transaction \(kind) is not a payer file this reader reads (835, 999, 277CA)")
        }
        return PayerFile(interchange: interchange, content: content, warnings: warnings)
    }

    /// Reads an 835 file, refusing any other transaction.
    public static func readRemittance(_ text: String) throws -> (remittances: [Remittance], file: PayerFile) {
        let file = try read(text)
        guard case let .remittances(remittances) = file.content else {
            let set = file.interchange.groups[0].transactionSets[0]
            throw PayerFileError(.unsupported, at: set.header, "transaction \(set.id) is not an 835 remittance")
        }
        return (remittances, file)
    }
}
