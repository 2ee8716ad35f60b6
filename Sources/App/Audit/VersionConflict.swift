import Vapor

/// A versioned write found the record at another version than the one the person (or the code) read:
/// someone saved in between. Nothing was written. Editors catch it and answer 409 with what the person
/// typed; one that does not (a rare race in a command or a small form) still answers 409, never 500.
struct VersionConflict: AbortError, Equatable {
    var status: HTTPResponseStatus { .conflict }
    var reason: String { "version conflict" }
}
