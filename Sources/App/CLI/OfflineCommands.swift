import Vapor

/// Commands that run without the application (see `TTDNCommandLine`). One line each.
enum OfflineCommands {
    static let all: [String: any AnyAsyncCommand] = [
        "extract": ExtractCommand(),
        "periods": PeriodsCommand(),
        "holidays": HolidaysCommand(),
    ]
}
