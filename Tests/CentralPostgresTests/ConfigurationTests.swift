import CentralPostgres
import Testing

/// `serve --postgres URL`: what a URL means, and the one-line refusal of one that cannot work.
@Suite struct ConfigurationTests {
    @Test func aFullURLGivesEveryPart() throws {
        let configuration = try PostgresCentralConfiguration(
            url: "postgres://office:s%40cret@db.example:6543/clinicsync?sslmode=require&schema=central&pool=25")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "office")
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == "clinicsync")
        #expect(configuration.schema == "central")
        #expect(configuration.tls == .require)
        #expect(configuration.maxConnections == 25)
        #expect(!configuration.description.contains("s@cret") && !configuration.description.contains("s%40cret"),
                "the password never shows")
    }

    @Test func aShortURLTakesTheDefaults() throws {
        let configuration = try PostgresCentralConfiguration(url: "postgresql://clinicsync@127.0.0.1/postgres")
        #expect(configuration.port == 5432)
        #expect(configuration.password == nil)
        #expect(configuration.schema == "public")
        #expect(configuration.tls == .prefer)
        #expect(configuration.maxConnections == 10)
    }

    @Test(arguments: [
        ("mysql://u@h/db", "postgres://"),
        ("postgres://u@/db", "no host"),
        ("postgres://h/db", "no user"),
        ("postgres://u@h", "no database"),
        ("postgres://u@h/db?sslmode=sometimes", "sslmode"),
        ("postgres://u@h/db?schema=drop%20table", "schema"),
        ("postgres://u@h/db?pool=0", "pool"),
        ("postgres://u@h/db?color=blue", "unknown option"),
    ])
    func aBadURLIsRefusedSayingWhy(url: String, reason: String) {
        #expect {
            try PostgresCentralConfiguration(url: url)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("the PostgreSQL URL cannot be used") && text.contains(reason)
        }
    }
}
