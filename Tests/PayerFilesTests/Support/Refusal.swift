import PayerFiles
import Testing

/// Records an issue unless `read` throws a ``PayerFileError`` whose one line is `message`.
func expectRefusal(_ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ read: () throws -> Void) {
    do {
        try read()
        Issue.record("the file was read; expected: \(message)", sourceLocation: sourceLocation)
    } catch let error as PayerFileError {
        #expect(error.description == message, sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
}
