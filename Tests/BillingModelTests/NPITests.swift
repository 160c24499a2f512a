import Testing
@testable import BillingModel

@Test func npiVectorsFromCMS() {
    #expect(NPI.isValid("1234567893"))
    #expect(NPI.isValid("1821993510"))
    #expect(NPI.problem("1234567890") == .checkDigit)
    #expect(NPI.problem("123456789") == .format)
}
