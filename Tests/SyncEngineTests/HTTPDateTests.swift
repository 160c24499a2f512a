import Testing
@testable import SyncEngine

/// The central node's clock comes from its replies' `Date` header (issue 27).
@Suite struct HTTPDateTests {
    @Test(arguments: [
        ("Thu, 01 Jan 1970 00:00:00 GMT", Int64(0)),
        ("Wed, 02 Dec 2026 06:19:36 GMT", Int64(1_796_192_376_000)),
        ("Tue, 29 Feb 2028 23:59:59 GMT", Int64(1_835_481_599_000)),
        ("Sun, 06 Nov 1994 08:49:37 GMT", Int64(784_111_777_000)),
    ])
    func readsTheFixedDateFormat(_ text: String, _ millis: Int64) {
        #expect(HTTPDate.millis(text) == millis)
    }

    @Test(arguments: ["", "Wed, 02 Dec 2026 06:19:36", "Wed, 32 Dec 2026 06:19:36 GMT", "Wed, 02 Foo 2026 06:19:36 GMT",
                      "Wed, 02 Dec 2026 25:19:36 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"])
    func refusesAnythingElse(_ text: String) {
        #expect(HTTPDate.millis(text) == nil)
    }
}
