import Testing
@testable import App
@Test func appPlaceholder() { #expect(true) }
