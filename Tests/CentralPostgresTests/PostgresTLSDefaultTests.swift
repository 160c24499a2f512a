import CentralPostgres
import Testing

/// DESIGN §4 "Transport and rest": toward another machine the central node requires TLS unless
/// the URL says otherwise; on this machine it prefers it.
@Suite struct PostgresTLSDefaultTests {
    @Test(arguments: [
        ("postgres://u@db.example/clinicsync", PostgresCentralConfiguration.TLSMode.require),
        ("postgres://u@10.0.0.7:6543/clinicsync", .require),
        ("postgres://u@127.0.0.1/clinicsync", .prefer),
        ("postgres://u@localhost/clinicsync", .prefer),
        ("postgres://u@db.example/clinicsync?sslmode=disable", .disable),
        ("postgres://u@db.example/clinicsync?sslmode=prefer", .prefer),
    ])
    func sslmodeDefaultsToRequireBeyondLoopback(url: String, expected: PostgresCentralConfiguration.TLSMode) throws {
        #expect(try PostgresCentralConfiguration(url: url).tls == expected)
    }
}
