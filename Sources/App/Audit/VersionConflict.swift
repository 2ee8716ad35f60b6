/// A versioned write found the record at another version than the one the person (or the code) read:
/// someone saved in between. Nothing was written; editors answer 409 with what the person typed.
struct VersionConflict: Error, Equatable {}
