import Foundation
import Testing
@testable import SyncModel

@Suite struct VersionTests {
    struct OrderCase: CustomTestStringConvertible, Sendable {
        let name: String
        let lower: Version
        let higher: Version
        var testDescription: String { name }
    }

    @Test(arguments: [
        OrderCase(name: "clock first, whatever the site", lower: Fixture.version(1_000, "z-site", 9),
                  higher: Fixture.version(1_001, "a-site", 1)),
        OrderCase(name: "counter is part of the clock", lower: Version(hlc: HLC(millis: 5, counter: 1), site: "b", seq: 9),
                  higher: Version(hlc: HLC(millis: 5, counter: 2), site: "a", seq: 1)),
        OrderCase(name: "site id breaks a clock tie", lower: Fixture.version(1_000, "central", 9),
                  higher: Fixture.version(1_000, "clinic-a", 1)),
        OrderCase(name: "site sequence breaks the last tie", lower: Fixture.version(1_000, "clinic-a", 3),
                  higher: Fixture.version(1_000, "clinic-a", 4)),
        OrderCase(name: "site ids compare by bytes, upper case first", lower: Fixture.version(1, "Zeta", 1),
                  higher: Fixture.version(1, "alpha", 1)),
    ])
    func totalOrder(_ example: OrderCase) {
        #expect(example.lower < example.higher)
        #expect(!(example.higher < example.lower))
        #expect(example.lower != example.higher)
        #expect([example.higher, example.lower].max() == example.higher)
    }

    @Test(arguments: ["clinic-a", "central", "odd/site/with/slashes"])
    func tokenRoundTrip(site: String) {
        let version = Version(hlc: HLC(millis: 1_718_000_000_000, counter: 3), site: site, seq: 42)
        #expect(Version(token: version.token) == version)
    }

    @Test(arguments: ["", "12/3", "x/3/site", "12/x/site", "12/3/"])
    func malformedTokensAreRefused(token: String) {
        #expect(Version(token: token) == nil)
    }

    @Test func jsonIsAnObjectOfThreeKeys() throws {
        let version = Fixture.version(1_000, "clinic-a", 7)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(version)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["hlc", "site", "seq"])
        #expect(try JSONDecoder().decode(Version.self, from: JSONEncoder().encode(version)) == version)
    }
}
