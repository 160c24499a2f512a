/// When a code set's yearly or quarterly release takes effect (DESIGN §13), so that an import
/// without `--effective` gets the date its publisher gives it rather than today's date.
///
/// - ICD-10-CM follows the federal fiscal year: FY2026 takes effect on 2025-10-01.
/// - CPT follows the calendar year: CPT 2026 takes effect on 2026-01-01.
/// - HCPCS Level II, NCCI PTP and MUE are quarterly: the date must be given.
/// - Modifiers and places of service have no calendar: they take effect on the day imported.
public enum CodeSetCalendar: Sendable, Equatable {
    /// October 1 of the year before the fiscal year named.
    case fiscalYear
    /// January 1 of the year named.
    case calendarYear
    /// Quarterly updates: an import must say when it takes effect.
    case quarterly
    /// No publishing calendar: in force from the day it is imported.
    case none

    /// The calendar `system`'s releases follow.
    public static func of(_ system: CodeSystem) -> CodeSetCalendar {
        switch system {
        case .icd10cm: return .fiscalYear
        case .cpt: return .calendarYear
        case .hcpcs, .ncciPTP, .mue: return .quarterly
        case .modifier, .pos: return .none
        }
    }

    /// The first day of release `year` on this calendar; `nil` for quarterly and calendar-less sets.
    public func firstDay(ofYear year: Int) -> CalendarDate? {
        switch self {
        case .fiscalYear: return CalendarDate(year: year - 1, month: 10, day: 1)
        case .calendarYear: return CalendarDate(year: year, month: 1, day: 1)
        case .quarterly, .none: return nil
        }
    }

    /// The release year a release name carries: its one four-digit group from 1990 to 2099,
    /// alone or after `FY` (`ICD10CM-FY2026`, `CPT-2026`, `cpt2026`); `nil` when the name has no
    /// such group or has two different ones.
    public static func year(inReleaseName name: String) -> Int? {
        var years: Set<Int> = []
        var run: [UInt8] = []
        for byte in Array(name.utf8) + [0] {
            if byte >= 48 && byte <= 57 {
                run.append(byte)
                continue
            }
            if run.count == 4, let value = Int(String(decoding: run, as: UTF8.self)), (1990...2099).contains(value) {
                years.insert(value)
            }
            run = []
        }
        return years.count == 1 ? years.first : nil
    }

    /// The date a release of `system` takes effect when the import gives no `--effective`:
    /// the first day of `year` (else of the year in `releaseName`) on the system's calendar,
    /// or `today` for a set without a calendar.
    ///
    /// Throws ``ReleaseDateError`` when the date cannot be known: a quarterly set, or a
    /// yearly one whose year is neither given nor in the release name.
    public static func effectiveDate(system: CodeSystem, releaseName: String, year: Int?,
                                     today: CalendarDate) throws(ReleaseDateError) -> CalendarDate {
        let calendar = of(system)
        switch calendar {
        case .none:
            return today
        case .quarterly:
            throw .quarterly(system: system, release: releaseName)
        case .fiscalYear, .calendarYear:
            guard let year = year ?? Self.year(inReleaseName: releaseName) else {
                throw .unknownYear(system: system, release: releaseName)
            }
            guard (1000...9998).contains(year), let day = calendar.firstDay(ofYear: year) else {
                throw .yearOutOfRange(year)
            }
            return day
        }
    }
}
