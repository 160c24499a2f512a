import BillingModel
import SyncModel

/// What the central office does over every clinic's data (DESIGN §6: "the central office works
/// on its own store with the same commands"), whatever the central node's storage: the SQLite
/// central store (``LocalStore`` with role central) and PostgreSQL (`PostgresCentral`) both
/// implement it, so each central-office command is written once against this protocol.
///
/// The rules live in shared code both implementations feed with rows: claim assembly
/// (``ClaimEdit``), the scrubber and its gates (``OfficeRules``), conflict plans
/// (``SyncModel/ConflictRecord/resolution(_:)``). An edit is the central office's own change
/// and reaches the owning clinic at its next sync.
public protocol CentralOffice: Sendable {
    /// Claims of every clinic, newest first, filtered and paged as `query` says.
    func claims(matching query: ClaimQuery) async throws -> [Claim]
    /// One live claim with its lines, by id or claim number; `StoreError.notFound` otherwise.
    func claim(_ key: String) async throws -> Claim
    /// Changes one claim field by the rules of ``ClaimEdit`` (coding frozen once submitted).
    func setClaimField(_ key: String, field: ClaimField, value: String, author: String?) async throws -> Claim
    /// The scrubber over the releases in force; a clean draft or coded claim moves to `validated`.
    func checkClaim(_ key: String, author: String?) async throws -> ClaimCheck
    /// The scrubber over every open claim (not yet submitted in its round, not voided or
    /// replaced), oldest first; the clean ones move to `validated`.
    func checkOpenClaims(author: String?) async throws -> [ClaimCheck]
    /// Submits a claim: refused with a ``ClaimRefusal`` when the scrubber finds errors.
    func submitClaim(_ key: String, author: String?) async throws -> Claim
    /// The change log of a claim and its lines, oldest first: who, where, when.
    func claimHistory(_ key: String) async throws -> [HistoryEntry]
    /// Writes claims as one X12 837P interchange behind the scrubber gate (``X12ExportPlan``),
    /// with the next control numbers; `progress` hears how many claims were checked.
    func exportX12(_ keys: [String], author: String?,
                   progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) async throws -> X12Export
    /// The export settings as saved.
    func exportSettings() async throws -> ExportSettings
    /// Saves the given export settings; returns them after the change.
    func updateExportSettings(_ changes: ExportSettings) async throws -> ExportSettings
    /// The control numbers of the last exported file.
    func lastControlNumbers() async throws -> ControlNumbers
    /// The conflict records, open ones first.
    func conflicts(includeResolved: Bool) async throws -> [ConflictRecord]
    /// One conflict record by id or a unique prefix of it.
    func conflict(_ key: String) async throws -> ConflictRecord
    /// Resolves a conflict with a new change of the central office.
    func resolveConflict(_ key: String, resolution: ConflictResolution, author: String?) async throws -> ConflictRecord
    /// The node at a glance: clinics, log head, open conflicts, last syncs.
    func officeStatus() async throws -> CentralOfficeStatus
    /// What a person calls each row (`Doe, Jane`, `Plan (P1)` ...), for human output; rows the
    /// node does not hold are left out.
    func rowLabels(_ rows: [RowReference]) async throws -> [RowReference: String]
}

/// A synced row named by table and id (or, for payers and providers, their payer id or NPI).
public struct RowReference: Hashable, Sendable {
    /// The synced table.
    public var table: String
    /// The row's id (a payer's payer id or a provider's NPI also name it).
    public var row: String

    /// Names a row.
    public init(_ table: String, _ row: String) {
        self.table = table
        self.row = row
    }
}

/// Which claims `claim list` shows: filters and one page.
public struct ClaimQuery: Sendable, Equatable {
    /// Only claims in this stage.
    public var stage: ClaimLifecycle.Stage?
    /// Only claims of this clinic (its id).
    public var clinic: String?
    /// At most this many claims (the page size).
    public var limit: Int
    /// Skip this many claims first (newest first), for the next page.
    public var offset: Int

    /// A query; by default the newest 500 claims of every clinic.
    public init(stage: ClaimLifecycle.Stage? = nil, clinic: String? = nil, limit: Int = 500, offset: Int = 0) {
        self.stage = stage
        self.clinic = clinic
        self.limit = limit
        self.offset = offset
    }
}

/// The central node at a glance, as `status` prints it at the central office.
public struct CentralOfficeStatus: Codable, Sendable, Equatable {
    /// The central node's own site id.
    public var siteID: String
    /// The last server sequence handed out (the change log's head).
    public var logHead: Int64
    /// Open conflict records, over every clinic.
    public var openConflicts: Int
    /// Every enrolled clinic with its last syncs, claims by status and refusals.
    public var clinics: [ClinicHealth]

    /// Creates a status.
    public init(siteID: String, logHead: Int64, openConflicts: Int, clinics: [ClinicHealth]) {
        self.siteID = siteID
        self.logHead = logHead
        self.openConflicts = openConflicts
        self.clinics = clinics
    }
}
