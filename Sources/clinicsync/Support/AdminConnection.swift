import CentralServer
import ClinicStore
import Foundation
import SyncEngine
import SyncModel

/// What the admin commands ask of a central node, wherever it is: a running node over HTTP with
/// the admin token, or its storage directly (the central store file, or `--postgres`).
protocol AdminConnection: Sendable {
    func enroll(clinicID: String, name: String?, reinstate: Bool) async throws -> String
    func rotate(clinicID: String) async throws -> String
    func revoke(clinicID: String) async throws
    func clinicsHealth() async throws -> [ClinicHealth]
    func clinicHealth(clinicID: String) async throws -> ClinicHealth
}

/// A running central node, over HTTP.
struct RemoteAdmin: AdminConnection {
    let client: CentralClient

    func enroll(clinicID: String, name: String?, reinstate: Bool) async throws -> String {
        try await client.enroll(clinicID: clinicID, name: name, reinstate: reinstate).token
    }
    func rotate(clinicID: String) async throws -> String { try await client.rotate(clinicID: clinicID).token }
    func revoke(clinicID: String) async throws { try await client.revoke(clinicID: clinicID) }
    func clinicsHealth() async throws -> [ClinicHealth] { try await client.clinicsHealth() }
    func clinicHealth(clinicID: String) async throws -> ClinicHealth { try await client.clinicHealth(clinicID: clinicID) }
}

/// The central node's storage itself (a central store file, or PostgreSQL), through the same
/// backend the node serves from.
struct BackendAdmin: AdminConnection {
    let backend: any CentralBackend

    func enroll(clinicID: String, name: String?, reinstate: Bool) async throws -> String {
        try await backend.enroll(clinicID: clinicID, name: name, reinstate: reinstate)
    }
    func rotate(clinicID: String) async throws -> String { try await backend.rotate(clinicID: clinicID) }
    func revoke(clinicID: String) async throws { try await backend.revoke(clinicID: clinicID) }
    func clinicsHealth() async throws -> [ClinicHealth] { try await backend.clinicsHealth() }
    func clinicHealth(clinicID: String) async throws -> ClinicHealth { try await backend.clinicHealth(of: clinicID) }
}
