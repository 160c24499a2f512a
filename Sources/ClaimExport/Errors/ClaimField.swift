/// A piece of claim data the 837P writer needs, named for error messages
/// with the loop and segment it goes to.
public enum ClaimField: Hashable, Sendable, CustomStringConvertible {
    /// A part of one service line.
    public enum LineField: String, Hashable, Sendable {
        case procedureCode = "procedure code (SV101-2)"
        case modifiers = "modifiers (SV101-3...6)"
        case units = "units (SV104)"
        case charge = "charge (SV102)"
        case placeOfService = "place of service (SV105)"
        case diagnosisPointers = "diagnosis pointers (SV107)"
        case serviceDates = "dates of service (DTP*472)"
    }

    case claimNumber
    case totalCharge
    case placeOfService
    case payerClaimNumber
    case diagnoses
    case serviceLines
    case serviceLine(Int, LineField)
    case billingProvider
    case billingProviderName
    case billingProviderAddress
    case billingProviderTaxID
    case billingProviderTaxonomy
    case renderingProvider
    case renderingProviderName
    case renderingProviderTaxonomy
    case patient
    case patientName
    case patientAddress
    case patientRelationship
    case subscriber
    case subscriberName
    case subscriberMemberID
    case subscriberAddress
    case payer
    case payerName
    case payerID
    case filingIndicator

    public var description: String {
        switch self {
        case .claimNumber: return "claim number (CLM01)"
        case .totalCharge: return "total charge (CLM02)"
        case .placeOfService: return "place of service (CLM05-1)"
        case .payerClaimNumber: return "payer claim control number (REF*F8)"
        case .diagnoses: return "diagnoses (HI)"
        case .serviceLines: return "service lines (2400)"
        case let .serviceLine(number, field): return "line \(number) \(field.rawValue)"
        case .billingProvider: return "billing provider NPI (2010AA NM109)"
        case .billingProviderName: return "billing provider name (2010AA NM1)"
        case .billingProviderAddress: return "billing provider address (2010AA N3/N4)"
        case .billingProviderTaxID: return "billing provider tax id (2010AA REF*EI)"
        case .billingProviderTaxonomy: return "billing provider taxonomy (2000A PRV)"
        case .renderingProvider: return "rendering provider NPI (2310B NM109)"
        case .renderingProviderName: return "rendering provider name (2310B NM1)"
        case .renderingProviderTaxonomy: return "rendering provider taxonomy (2310B PRV)"
        case .patient: return "patient record"
        case .patientName: return "patient name (2010CA NM1)"
        case .patientAddress: return "patient address (2010CA N3/N4)"
        case .patientRelationship: return "patient relationship to subscriber (PAT01)"
        case .subscriber: return "subscriber record"
        case .subscriberName: return "subscriber name (2010BA NM1)"
        case .subscriberMemberID: return "subscriber member id (2010BA NM109)"
        case .subscriberAddress: return "subscriber address (2010BA N3/N4)"
        case .payer: return "payer record"
        case .payerName: return "payer name (2010BB NM1)"
        case .payerID: return "payer id (2010BB NM109)"
        case .filingIndicator: return "claim filing indicator (SBR09)"
        }
    }
}
