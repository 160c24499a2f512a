import ClinicStore
import Foundation
import Hummingbird
import SyncModel
import SyncWire

/// The admin endpoints, behind the admin token: enroll (or rotate, or reinstate), rotate,
/// revoke, list clinics, and every clinic's sync health.
struct AdminRoutes {
    /// Admin bodies are small; anything bigger is refused before it is read.
    static let maxBodyBytes = 64 << 10

    let backend: any CentralBackend
    let configuration: CentralServerConfiguration

    func register(on router: Router<CentralRequestContext>) {
        router.group("v1/admin")
            .add(middleware: AdminAuthMiddleware(adminToken: configuration.adminToken))
            .post("clinics", use: enroll)
            .get("clinics", use: list)
            .post("clinics/{id}/revoke", use: revoke)
            .post("clinics/{id}/rotate", use: rotate)
            .get("clinics/{id}/health", use: clinicHealth)
            .get("health", use: health)
    }


    @Sendable func enroll(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let body = try await RequestBody.bytes(of: request, limit: Self.maxBodyBytes)
        let enrollment = try JSONDecoder().decode(EnrollRequest.self, from: Data(body))
        let token = try await backend.enroll(clinicID: enrollment.clinicID, name: enrollment.name,
                                             reinstate: enrollment.reinstate ?? false)
        context.logger.info("clinic enrolled", metadata: ["clinic": "\(enrollment.clinicID)"])
        return try JSONReply(EnrolledClinic(clinicID: enrollment.clinicID, token: token), gzip: false)
            .response(status: .created)
    }

    @Sendable func revoke(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.parameters.require("id")
        try await backend.revoke(clinicID: clinicID)
        context.logger.info("clinic revoked", metadata: ["clinic": "\(clinicID)"])
        return try JSONReply(RevokedClinic(clinicID: clinicID), gzip: false).response()
    }

    @Sendable func rotate(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.parameters.require("id")
        let token = try await backend.rotate(clinicID: clinicID)
        context.logger.info("clinic token rotated", metadata: ["clinic": "\(clinicID)"])
        return try JSONReply(EnrolledClinic(clinicID: clinicID, token: token), gzip: false).response()
    }

    @Sendable func health(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let gzip = JSONReply.acceptsGzip(request)
        let clinics = try await backend.clinicsHealth()
        return try await Offload.run { try JSONReply(clinics, gzip: gzip) }.response()
    }

    @Sendable func clinicHealth(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let clinicID = try context.parameters.require("id")
        let clinic = try await backend.clinicHealth(of: clinicID)
        return try JSONReply(clinic, gzip: JSONReply.acceptsGzip(request)).response()
    }

    @Sendable func list(_ request: Request, context: CentralRequestContext) async throws -> Response {
        let gzip = JSONReply.acceptsGzip(request)
        let clinics = try await backend.enrollments().map(ClinicSummary.init)
        return try await Offload.run { try JSONReply(clinics, gzip: gzip) }.response()
    }
}
