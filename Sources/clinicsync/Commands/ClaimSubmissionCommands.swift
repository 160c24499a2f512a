import ArgumentParser
import BillingModel
import ClinicStore
import Foundation

/// `clinicsync claim check CLAIM|--all [--postgres URL]`: the scrubber, exit status 1 when a claim has errors.
struct ClaimCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check claims before submission (the scrubber).",
        discussion: """
            Errors block submission, warnings do not. A clean claim moves to 'validated'.
            Exits with status 1 when any checked claim has errors.
            """)
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "Claim id or claim number.") var claim: String?
    @Flag(help: "Check every open claim (not yet submitted, not voided or replaced).") var all = false

    func validate() throws {
        guard (claim != nil) != all else { throw ValidationError("give one claim, or --all") }
    }

    func run() async throws {
        let author = options.author
        if let claim {
            let check = try await postgres.withOffice(options) { try await $0.checkClaim(claim, author: author) }
            try options.emit(ClaimCheckView(check)) { Self.human(check) }
            if check.hasErrors { throw ExitCode(1) }
        } else {
            let checks = try await postgres.withOffice(options) { try await $0.checkOpenClaims(author: author) }
            try options.emit(checks.map(ClaimCheckView.init)) { Self.human(checks) }
            if checks.contains(where: \.hasErrors) { throw ExitCode(1) }
        }
    }

    static func human(_ check: ClaimCheck) -> String {
        let claim = check.claim
        let verdict = check.hasErrors ? "cannot be submitted until the errors are fixed"
            : "may be submitted (status \(claim.lifecycle))"
        var text = "Claim \(claim.claimNumber): \(counts(check)); \(verdict)."
        if !check.findings.isEmpty {
            text = FindingTable.render(check.findings) + "\n\n" + text
        }
        return text
    }

    static func human(_ checks: [ClaimCheck]) -> String {
        guard !checks.isEmpty else { return "No open claims to check." }
        let summary = Table(headers: ["CLAIM", "STATUS", "ERRORS", "WARNINGS", "ID"],
                            rows: checks.map { [$0.claim.claimNumber, $0.claim.lifecycle.description,
                                                String($0.errorCount), String($0.warningCount), $0.claim.id] }).render()
        let withFindings = checks.filter { !$0.findings.isEmpty }
        var sections = [summary]
        if !withFindings.isEmpty {
            sections.append(Table(
                headers: ["CLAIM", "LINE", "SEVERITY", "RULE", "MESSAGE"],
                rows: withFindings.flatMap { check in
                    check.findings.map { [check.claim.claimNumber] + FindingTable.cells($0) }
                }).render())
        }
        let failing = checks.filter(\.hasErrors).count
        sections.append("\(checks.count) claim\(checks.count == 1 ? "" : "s") checked: \(failing) with errors, "
            + "\(checks.count - failing) ready to submit.")
        return sections.joined(separator: "\n\n")
    }

    static func counts(_ check: ClaimCheck) -> String {
        "\(check.errorCount) error\(check.errorCount == 1 ? "" : "s"), "
            + "\(check.warningCount) warning\(check.warningCount == 1 ? "" : "s")"
    }
}

/// `clinicsync claim submit CLAIM [--postgres URL]`.
struct ClaimSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit a claim; refused with the findings when the scrubber finds errors.")
    @OptionGroup var options: StoreOptions
    @OptionGroup var postgres: PostgresOption
    @Argument(help: "Claim id or claim number.") var claim: String

    func run() async throws {
        let key = claim, author = options.author
        do {
            let submitted = try await postgres.withOffice(options) { try await $0.submitClaim(key, author: author) }
            try options.emit(ClaimView(submitted)) {
                "Claim \(submitted.claimNumber) submitted\(submitted.lifecycle.round > 1 ? " (round \(submitted.lifecycle.round))" : ""); its coding is now frozen."
            }
        } catch let refusal as ClaimRefusal {
            // The findings go to standard output, the one-line refusal to standard error.
            let findings = refusal.claims.flatMap(\.findings)
            try options.emit(refusal.claims.map(ClaimCheckView.init)) { FindingTable.render(findings) }
            throw refusal
        }
    }
}

/// `clinicsync claim void CLAIM`.
struct ClaimVoid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Void a submitted claim: opens a frequency-8 claim with the same claim number.",
        discussion: "The original becomes 'voided'. Submit the new void claim to send it.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Claim id or claim number.") var claim: String
    @Option(name: .customLong("payer-claim-number"),
            help: "The payer's claim control number (default: the claim's payer_claim_number).")
    var payerClaimNumber: String?

    func run() throws {
        let void = try options.open().voidClaim(claim, payerClaimNumber: payerClaimNumber, author: options.author)
        try options.emit(ClaimView(void)) {
            "Opened void claim \(void.claimNumber) (frequency 8, \(void.id)); the original is now voided. "
                + "Send it with `clinicsync claim submit \(void.id)`."
        }
    }
}

/// `clinicsync claim replace CLAIM`.
struct ClaimReplace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replace",
        abstract: "Replace a submitted claim: opens an editable frequency-7 copy with the same claim number.",
        discussion: "The original becomes 'replaced'. Correct the copy, then submit it.")
    @OptionGroup var options: StoreOptions
    @Argument(help: "Claim id or claim number.") var claim: String
    @Option(name: .customLong("payer-claim-number"),
            help: "The payer's claim control number (default: the claim's payer_claim_number).")
    var payerClaimNumber: String?

    func run() throws {
        let replacement = try options.open().replaceClaim(claim, payerClaimNumber: payerClaimNumber,
                                                          author: options.author)
        try options.emit(ClaimView(replacement)) {
            "Opened replacement claim \(replacement.claimNumber) (frequency 7, \(replacement.id)); the original is now "
                + "replaced. Correct it, then `clinicsync claim submit \(replacement.id)`."
        }
    }
}

/// A `claim check` result as `--json` prints it.
struct ClaimCheckView: Encodable {
    var id: String
    var claimNumber: String
    var status: String
    var errors: Int
    var warnings: Int
    var findings: [FindingView]

    init(_ check: ClaimCheck) {
        id = check.claim.id
        claimNumber = check.claim.claimNumber
        status = check.claim.lifecycle.stage.name
        errors = check.errorCount
        warnings = check.warningCount
        findings = check.findings.map(FindingView.init)
    }
}

/// A scrubber finding as `--json` prints it; `line_number` is null for the claim as a whole.
struct FindingView: Encodable {
    var ruleId: String
    var severity: String
    var lineNumber: Int?
    var message: String

    init(_ finding: ScrubFinding) {
        ruleId = finding.ruleID
        severity = finding.severity.rawValue
        lineNumber = finding.lineNumber
        message = finding.message
    }

    enum CodingKeys: String, CodingKey { case ruleId, severity, lineNumber, message }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ruleId, forKey: .ruleId)
        try container.encode(severity, forKey: .severity)
        try container.encode(lineNumber, forKey: .lineNumber)
        try container.encode(message, forKey: .message)
    }
}

/// Findings as a table for people.
enum FindingTable {
    static func render(_ findings: [ScrubFinding]) -> String {
        Table(headers: ["LINE", "SEVERITY", "RULE", "MESSAGE"], rows: findings.map(cells)).render(empty: "No findings.")
    }

    static func cells(_ finding: ScrubFinding) -> [String] {
        [finding.lineNumber.map(String.init) ?? "claim", finding.severity.rawValue, finding.ruleID, finding.message]
    }
}
