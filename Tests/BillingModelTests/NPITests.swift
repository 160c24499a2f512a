import Testing
@testable import BillingModel

@Test func npiVectorsFromCMS() {
    #expect(NPI.isValid("1234567893"))
    #expect(NPI.isValid("1821993510"))
    #expect(NPI.problem("1234567890") == .checkDigit)
    #expect(NPI.problem("123456789") == .format)
}

/// The vectors of `npi_vectors.txt` (Luhn over 80840 + the first nine digits).
@Test(arguments: [
    ("1234567893", NPI.Problem?.none), ("1003347634", nil), ("1528060837", nil), ("1821993510", nil),
    ("1234567890", .checkDigit), ("123456789", .format), ("12345678901", .format), ("12345678a3", .format),
])
func npiVectors(_ npi: String, _ problem: NPI.Problem?) {
    #expect(NPI.problem(npi) == problem)
}
