/// The HL tree of an 837P: billing providers (2000A), their subscribers (2000B) and, for
/// dependents, patients (2000C), with the claims hung on the lowest level.
///
/// Claims with identical billing-provider segments share one 2000A; under it, claims with
/// identical subscriber/payer segments share one 2000B, and dependents with identical patient
/// segments share one 2000C. Groups keep the order in which they first appear. A level holds
/// at most 100 claims (the 2300 loop's repeat limit); the next claim opens a new loop.
struct ClaimHierarchy {
    /// Claims one 2000B or 2000C loop may carry.
    static let claimsPerLevel = 100

    fileprivate struct PatientLevel {
        let segments: [X12Segment]
        var claims: [[X12Segment]] = []
    }

    fileprivate struct SubscriberLevel {
        let segments: [X12Segment]
        var claims: [[X12Segment]] = []
        var patients: [PatientLevel] = []
        var patientIndex: [[X12Segment]: Int] = [:]
    }

    fileprivate struct ProviderLevel {
        let segments: [X12Segment]
        var subscribers: [SubscriberLevel] = []
        var subscriberIndex: [[X12Segment]: Int] = [:]
    }

    private var providers: [ProviderLevel] = []
    private var providerIndex: [[X12Segment]: Int] = [:]

    init(_ claims: [ClaimSections]) {
        for claim in claims { add(claim) }
    }

    private mutating func add(_ claim: ClaimSections) {
        if let index = providerIndex[claim.billing] {
            providers[index].add(claim)
        } else {
            var level = ProviderLevel(segments: claim.billing)
            level.add(claim)
            providerIndex[claim.billing] = providers.count
            providers.append(level)
        }
    }

    /// Every segment from the first 2000A HL to the last service line, HLs numbered from 1.
    func segments() -> [X12Segment] {
        var output: [X12Segment] = []
        var counter = 0
        func hierarchicalLevel(parent: Int?, code: String, hasChildren: Bool) -> Int {
            counter += 1
            output.append(X12Segment("HL", String(counter), parent.map(String.init) ?? "", code, hasChildren ? "1" : "0"))
            return counter
        }
        for provider in providers {
            let providerID = hierarchicalLevel(parent: nil, code: "20", hasChildren: true)
            output += provider.segments
            for subscriber in provider.subscribers {
                let subscriberID = hierarchicalLevel(parent: providerID, code: "22", hasChildren: !subscriber.patients.isEmpty)
                output += subscriber.segments
                output += subscriber.claims.joined()
                for patient in subscriber.patients {
                    _ = hierarchicalLevel(parent: subscriberID, code: "23", hasChildren: false)
                    output += patient.segments
                    output += patient.claims.joined()
                }
            }
        }
        return output
    }
}

extension ClaimHierarchy.ProviderLevel {
    fileprivate mutating func add(_ claim: ClaimSections) {
        if let index = subscriberIndex[claim.subscriber],
           claim.patient != nil || subscribers[index].claims.count < ClaimHierarchy.claimsPerLevel {
            subscribers[index].add(claim)
        } else {
            var level = ClaimHierarchy.SubscriberLevel(segments: claim.subscriber)
            level.add(claim)
            subscriberIndex[claim.subscriber] = subscribers.count
            subscribers.append(level)
        }
    }
}

extension ClaimHierarchy.SubscriberLevel {
    fileprivate mutating func add(_ claim: ClaimSections) {
        guard let patient = claim.patient else {
            claims.append(claim.claim)
            return
        }
        if let index = patientIndex[patient], patients[index].claims.count < ClaimHierarchy.claimsPerLevel {
            patients[index].claims.append(claim.claim)
        } else {
            patientIndex[patient] = patients.count
            patients.append(ClaimHierarchy.PatientLevel(segments: patient, claims: [claim.claim]))
        }
    }
}
