import BillingModel
import GRDB

/// A row of `service_line`. Modifiers and pointers are comma-joined lists.
struct ServiceLineRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "service_line"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let claimId = Column("claim_id")
        static let lineNumber = Column("line_number")
        static let deleted = Column("deleted")
    }

    var id: String
    var owner: String
    var claimId: String
    var lineNumber: Int
    var procedureCode: String
    var modifiers: String
    var units: Int
    var chargeCents: Int64
    var serviceDate: String
    var serviceDateTo: String?
    var dxPointers: String
    var pos: String?
    var deleted: Int = 0

    init(_ line: ServiceLine, owner: String) {
        id = line.id
        self.owner = owner
        claimId = line.claimID
        lineNumber = line.lineNumber
        procedureCode = line.procedureCode
        modifiers = line.modifiers.joined(separator: ",")
        units = line.units
        chargeCents = line.chargeCents
        serviceDate = line.serviceDate.description
        serviceDateTo = line.serviceDateTo?.description
        dxPointers = line.diagnosisPointers.map(String.init).joined(separator: ",")
        pos = line.placeOfService
    }

    var line: ServiceLine {
        ServiceLine(id: id, claimID: claimId, lineNumber: lineNumber, procedureCode: procedureCode,
                    modifiers: modifiers.split(separator: ",").map(String.init), units: units,
                    chargeCents: chargeCents, serviceDate: CalendarDate(serviceDate) ?? CalendarDate(daysSinceEpoch: 0),
                    serviceDateTo: serviceDateTo.flatMap(CalendarDate.init),
                    diagnosisPointers: dxPointers.split(separator: ",").compactMap { Int($0) },
                    placeOfService: pos)
    }
}
