import CoreMetrics
import Prometheus
import Synchronization
import SyncModel

/// The central node's metrics, kept in its own Prometheus registry (no global bootstrap, so
/// several nodes in one process, as in tests and `demo`, count separately).
///
/// Exposed at `GET /metrics`: `clinicsync_http_requests_total` and
/// `clinicsync_http_request_duration_seconds` by route, method and status, plus
/// `clinicsync_pushes_total`, `clinicsync_pulls_total`, `clinicsync_changes_applied_total`,
/// `clinicsync_changes_refused_total`, `clinicsync_changes_pulled_total` and
/// `clinicsync_conflicts_created_total`; and per enrolled clinic (its id the only label, so the
/// label set is the enrolled clinics, never what a request says) the gauges
/// `clinicsync_clinic_seconds_since_last_sync` (since enrollment for a clinic that never synced)
/// and `clinicsync_clinic_refused_changes`.
public final class ServerMetrics: Sendable {
    /// The registry `GET /metrics` prints.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let pushes: CoreMetrics.Counter
    private let pulls: CoreMetrics.Counter
    private let changesApplied: CoreMetrics.Counter
    private let changesRefused: CoreMetrics.Counter
    private let changesPulled: CoreMetrics.Counter
    private let conflictsCreated: CoreMetrics.Counter
    private let requestMetrics = Mutex<[RequestKey: RequestMetrics]>([:])
    private let clinicGauges = Mutex<[String: ClinicGauges]>([:])

    /// Metrics in a new registry (or the one given).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        factory = PrometheusMetricsFactory(registry: registry)
        pushes = CoreMetrics.Counter(label: "clinicsync_pushes_total", factory: factory)
        pulls = CoreMetrics.Counter(label: "clinicsync_pulls_total", factory: factory)
        changesApplied = CoreMetrics.Counter(label: "clinicsync_changes_applied_total", factory: factory)
        changesRefused = CoreMetrics.Counter(label: "clinicsync_changes_refused_total", factory: factory)
        changesPulled = CoreMetrics.Counter(label: "clinicsync_changes_pulled_total", factory: factory)
        conflictsCreated = CoreMetrics.Counter(label: "clinicsync_conflicts_created_total", factory: factory)
    }

    /// Counts one answered push.
    func record(_ push: PushResponse) {
        pushes.increment()
        changesApplied.increment(by: push.applied.count)
        changesRefused.increment(by: push.refused.count)
        conflictsCreated.increment(by: push.conflictsCreated)
    }

    /// Counts one answered pull page.
    func record(_ pull: PullResponse) {
        pulls.increment()
        changesPulled.increment(by: pull.changes.count)
    }

    /// The HTTP methods metrics name; any other method is counted as `other`, so no request can
    /// add a label value (DESIGN §4: metric labels come from a fixed set).
    static let methodLabels: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// `method` when it is one of ``methodLabels``, else `other`.
    static func methodLabel(_ method: String) -> String { methodLabels.contains(method) ? method : "other" }

    /// Counts one request and its duration under its route template (never the raw path).
    func recordRequest(route: String, method: String, status: Int, nanoseconds: Int64) {
        let key = RequestKey(route: route, method: method, status: status)
        let metrics = requestMetrics.withLock { cache in
            if let found = cache[key] { return found }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let made = RequestMetrics(
                count: CoreMetrics.Counter(label: "clinicsync_http_requests_total", dimensions: dimensions, factory: factory),
                duration: CoreMetrics.Timer(label: "clinicsync_http_request_duration_seconds", dimensions: dimensions,
                                preferredDisplayUnit: .seconds, factory: factory))
            cache[key] = made
            return made
        }
        metrics.count.increment()
        metrics.duration.recordNanoseconds(nanoseconds)
    }

    /// Sets the per-clinic gauges from the enrolled clinics' health at `nowMillis`.
    func record(clinics: [ClinicHealth], nowMillis: Int64) {
        for clinic in clinics {
            let gauges = clinicGauges.withLock { cache in
                if let found = cache[clinic.clinicID] { return found }
                let dimensions = [("clinic", clinic.clinicID)]
                let made = ClinicGauges(
                    silence: CoreMetrics.Gauge(label: "clinicsync_clinic_seconds_since_last_sync", dimensions: dimensions,
                                               factory: factory),
                    refused: CoreMetrics.Gauge(label: "clinicsync_clinic_refused_changes", dimensions: dimensions,
                                               factory: factory))
                cache[clinic.clinicID] = made
                return made
            }
            gauges.silence.record(Double(max(0, nowMillis - (clinic.lastSyncAtMillis ?? clinic.enrolledAtMillis))) / 1000)
            gauges.refused.record(clinic.refusedChanges)
        }
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        registry.emitToString()
    }

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct ClinicGauges: Sendable {
        var silence: CoreMetrics.Gauge
        var refused: CoreMetrics.Gauge
    }

    private struct RequestMetrics: Sendable {
        var count: CoreMetrics.Counter
        var duration: CoreMetrics.Timer
    }
}
