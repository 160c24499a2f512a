import Foundation

/// Hand-written payer files for the tests: envelopes with their counts computed, so each case
/// only spells the segments that matter. Every file built here is also checked by pyx12.
enum X12Files {
    /// A fixture copied from shared/x12-samples (see Fixtures/LICENSES.md).
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// An interchange of one group holding one transaction set, one segment per line.
    static func interchange(functionalID: String, version: String, transaction: String, convention: String? = nil,
                            body: [String], control: Int = 101) -> String {
        interchange(functionalID: functionalID, version: version, transaction: transaction, convention: convention,
                    bodies: [body], control: control)
    }

    /// An interchange of one group holding one transaction set per body (ST02 0001, 0002 …).
    static func interchange(functionalID: String, version: String, transaction: String, convention: String? = nil,
                            bodies: [[String]], control: Int = 101) -> String {
        let isa = "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*LAKESIDE01     *250301*0900*^*00501*"
            + String(format: "%09d", control) + "*0*T*:"
        var segments = [isa, "GS*\(functionalID)*PAYER01*LAKESIDE01*20250301*0900*\(control)*X*\(version)"]
        for (index, body) in bodies.enumerated() {
            let number = String(format: "%04d", index + 1)
            segments.append("ST*\(transaction)*\(number)" + (convention.map { "*\($0)" } ?? ""))
            segments += body + ["SE*\(body.count + 2)*\(number)"]
        }
        segments += ["GE*\(bodies.count)*\(control)", "IEA*1*" + String(format: "%09d", control)]
        return segments.map { $0 + "~" }.joined(separator: "\n") + "\n"
    }

    /// The segments between ST and SE of a file built here.
    static func body(of text: String) -> [String] {
        let lines = text.split(separator: "\n").map { String($0.dropLast()) }
        return Array(lines[3..<(lines.count - 3)])
    }

    /// An 835 paying `total` with the given claim loops and PLB segments.
    static func remittance(total: String, claims: [[String]], plb: [String] = [], trace: String = "CHK10001") -> String {
        let method = total == "0" ? "BPR*H*0*C*NON************20250301" : "BPR*I*\(total)*C*CHK************20250301"
        let header = [
            method, "TRN*1*\(trace)*1999999999", "DTM*405*20250228",
            "N1*PR*DEMO HEALTH PLAN", "N3*1 PAYER WAY", "N4*CHICAGO*IL*60601", "PER*BL*CLAIMS DEPT*TE*3125550100",
            "N1*PE*LAKESIDE FAMILY MEDICINE*XX*1234567893",
        ]
        var body = header
        for (index, claim) in claims.enumerated() {
            if index == 0 { body.append("LX*1") }
            body += claim
        }
        body += plb
        return interchange(functionalID: "HP", version: "005010X221A1", transaction: "835", body: body)
    }

    /// A 999 for our group `group` and set `set`.
    static func acknowledgment(group: String, body: [String]) -> String {
        interchange(functionalID: "FA", version: "005010X231A1", transaction: "999", convention: "005010X231A1",
                    body: ["AK1*HC*\(group)*005010X222A1"] + body)
    }

    /// A 277CA with claims under one billing provider; each claim is its TRN number and its STC.
    static func claimAcknowledgment(claims: [(number: String, stc: String)]) -> String {
        var body = [
            "BHT*0085*08*277CA0001*20250302*1200*TH",
            "HL*1**20*1", "NM1*PR*2*DEMO HEALTH PLAN*****PI*PAYER01", "TRN*1*277CA0001", "DTP*050*D8*20250302", "DTP*009*D8*20250302",
            "HL*2*1*21*1", "NM1*41*2*LAKESIDE FAMILY MEDICINE*****46*LAKESIDE01", "TRN*2*4711", "STC*A1:20*20250302*WQ*325",
            "QTY*90*\(claims.filter { $0.stc.hasPrefix("STC*A1") || $0.stc.hasPrefix("STC*A2") }.count)", "QTY*AA*\(claims.filter { !($0.stc.hasPrefix("STC*A1") || $0.stc.hasPrefix("STC*A2")) }.count)",
            "AMT*YU*325", "AMT*YY*0",
            "HL*3*2*19*1", "NM1*85*2*LAKESIDE FAMILY MEDICINE*****XX*1234567893", "TRN*1*0", "STC*A1:19:85**WQ*325", "REF*TJ*123456789",
            "QTY*QA*1", "QTY*QC*1", "AMT*YU*125", "AMT*YY*200",
        ]
        for (offset, claim) in claims.enumerated() {
            body += ["HL*\(4 + offset)*3*PT", "NM1*QC*1*DOE*JANE****MI*MEMBER123", "TRN*2*\(claim.number)", claim.stc,
                     "REF*1K*PCN\(claim.number)", "DTP*472*D8*20250110"]
        }
        return interchange(functionalID: "HN", version: "005010X214", transaction: "277", convention: "005010X214", body: body)
    }
}
