/// A piece of claim data the 837P writer needs, named for error messages
/// with the loop and segment it goes to.
public enum ClaimField: Hashable, Sendable, CustomStringConvertible {
    /// A part of one service line.
    public enum LineField: String, Hashable, Sendable {
        /// Procedure code (SV101-2).
        case procedureCode = "procedure code (SV101-2)"
        /// Modifiers (SV101-3...6).
        case modifiers = "modifiers (SV101-3...6)"
        /// Units (SV104).
        case units = "units (SV104)"
        /// Charge (SV102).
        case charge = "charge (SV102)"
        /// Place of service (SV105).
        case placeOfService = "place of service (SV105)"
        /// Diagnosis pointers (SV107).
        case diagnosisPointers = "diagnosis pointers (SV107)"
        /// Dates of service (DTP*472).
        case serviceDates = "dates of service (DTP*472)"
    }

    /// Claim number (CLM01).
    case claimNumber
    /// Total charge (CLM02).
    case totalCharge
    /// Place of service (CLM05-1).
    case placeOfService
    /// Payer claim control number (REF*F8).
    case payerClaimNumber
    /// Diagnoses (HI).
    case diagnoses
    /// Service lines (2400).
    case serviceLines
    /// One part of a service line, by its line number.
    case serviceLine(Int, LineField)
    /// The billing provider record or its NPI.
    case billingProvider
    /// Billing provider name (2010AA NM1).
    case billingProviderName
    /// Billing provider address (2010AA N3/N4).
    case billingProviderAddress
    /// Billing provider tax id (2010AA REF*EI).
    case billingProviderTaxID
    /// Billing provider taxonomy (2000A PRV).
    case billingProviderTaxonomy
    /// The rendering provider record or its NPI.
    case renderingProvider
    /// Rendering provider name (2310B NM1).
    case renderingProviderName
    /// Rendering provider taxonomy (2310B PRV).
    case renderingProviderTaxonomy
    /// The patient record (must be the claim's patient).
    case patient
    /// Patient name (2010CA NM1).
    case patientName
    /// Patient address (2010CA N3/N4).
    case patientAddress
    /// Patient relationship to subscriber (PAT01).
    case patientRelationship
    /// The subscriber record (the patient, or the patient's subscriber).
    case subscriber
    /// Subscriber name (2010BA NM1).
    case subscriberName
    /// Subscriber member id (2010BA NM109).
    case subscriberMemberID
    /// Subscriber address (2010BA N3/N4).
    case subscriberAddress
    /// The payer record (must be the claim's payer).
    case payer
    /// Payer name (2010BB NM1).
    case payerName
    /// Payer id (2010BB NM109).
    case payerID
    /// Claim filing indicator (SBR09).
    case filingIndicator

    /// The field as error messages name it, with its loop and segment.
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
