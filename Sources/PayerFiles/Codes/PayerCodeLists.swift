import Foundation

/// The code lists shipped with ClinicSync (Resources/*.tsv), in our own words.
public struct PayerCodeLists: Hashable, Sendable {
    /// Claim adjustment reason codes.
    public let adjustmentReasons: PayerCodeList
    /// Remittance remark codes.
    public let remarks: PayerCodeList
    /// 277 claim status codes.
    public let claimStatuses: PayerCodeList
    /// 277 claim status categories.
    public let claimStatusCategories: PayerCodeList
    /// Entity identifier codes.
    public let entities: PayerCodeList

    /// The bundled lists, read once.
    public static let bundled: PayerCodeLists = {
        func load(_ kind: PayerCodeList.Kind) -> PayerCodeList {
            guard let url = Bundle.module.url(forResource: kind.rawValue, withExtension: "tsv"),
                  let text = try? String(contentsOf: url, encoding: .utf8),
                  let list = try? PayerCodeListFile.parse(text, kind: kind) else {
                preconditionFailure("the bundled \(kind.rawValue).tsv code list is missing or malformed")
            }
            return list
        }
        return PayerCodeLists(adjustmentReasons: load(.adjustmentReason), remarks: load(.remark),
                              claimStatuses: load(.claimStatus), claimStatusCategories: load(.claimStatusCategory),
                              entities: load(.entity))
    }()

    /// The list of `kind`.
    public func list(_ kind: PayerCodeList.Kind) -> PayerCodeList {
        switch kind {
        case .adjustmentReason: adjustmentReasons
        case .remark: remarks
        case .claimStatus: claimStatuses
        case .claimStatusCategory: claimStatusCategories
        case .entity: entities
        }
    }

    /// These lists with an office's imported list merged into the one of its kind.
    public func merging(_ imported: PayerCodeList) -> PayerCodeLists {
        func pick(_ kind: PayerCodeList.Kind) -> PayerCodeList {
            kind == imported.kind ? list(kind).merging(imported) : list(kind)
        }
        return PayerCodeLists(adjustmentReasons: pick(.adjustmentReason), remarks: pick(.remark),
                              claimStatuses: pick(.claimStatus), claimStatusCategories: pick(.claimStatusCategory),
                              entities: pick(.entity))
    }

    /// A CAS reason in words: `CO 45: charge above the contracted fee`.
    public func adjustmentWords(group: AdjustmentGroup, reason: String) -> String {
        "\(group.rawValue) \(reason): " + (adjustmentReasons.description(of: reason) ?? "reason code \(reason)")
    }

    /// An STC composite in words: category; status; entity.
    public func statusWords(category: String, status: String, entity: String?) -> String {
        var parts = [claimStatusCategories.description(of: category) ?? "category \(category)",
                     claimStatuses.description(of: status) ?? "status \(status)"]
        if let entity { parts.append(entities.description(of: entity) ?? "entity \(entity)") }
        return parts.joined(separator: "; ")
    }
}
